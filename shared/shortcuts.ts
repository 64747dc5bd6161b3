import { z } from 'zod';

/**
 * Keyboard shortcuts: the actions, their defaults, and the pure rules for reading, checking and
 * showing a binding. A binding is a string such as `Mod+Shift+O`, where `Mod` is Ctrl on Windows
 * and Linux and ⌘ on macOS. Both hosts and the Electron menu read these, so they live in shared/.
 */
export const ShortcutAction = z.enum([
  'newChat',
  'search',
  'find',
  'stop',
  'regenerate',
  'focusComposer',
  'previousConversation',
  'nextConversation',
  'toggleSidebar',
  'settings',
  'shortcutList',
  'fontBigger',
  'fontSmaller',
  'fontReset',
]);
export type ShortcutAction = z.infer<typeof ShortcutAction>;

/** The user's own bindings; an action absent here uses its default. */
export const ShortcutOverrides = z.partialRecord(ShortcutAction, z.string().max(40));
export type ShortcutOverrides = z.infer<typeof ShortcutOverrides>;

/**
 * Chosen to stay clear of what browsers and OSes keep for themselves (Ctrl+N/T/W/R/L, Ctrl+Shift+R)
 * and of Chinese input methods (Ctrl+Space, Shift+Space, Ctrl+., Ctrl+Shift+F).
 */
export const DEFAULT_SHORTCUTS: Readonly<Record<ShortcutAction, string>> = Object.freeze({
  newChat: 'Mod+Shift+O',
  search: 'Mod+K',
  find: 'Mod+F',
  stop: 'Escape',
  regenerate: 'Mod+Shift+Enter',
  focusComposer: 'Shift+Escape',
  previousConversation: 'Alt+ArrowUp',
  nextConversation: 'Alt+ArrowDown',
  toggleSidebar: 'Mod+B',
  settings: 'Mod+Comma',
  shortcutList: 'Mod+Slash',
  fontBigger: 'Mod+Equal',
  fontSmaller: 'Mod+Minus',
  fontReset: 'Mod+0',
});

/** Shortcuts the user may not take: clipboard and editing, the window and tab, and input-method switches. */
const RESERVED = new Set([
  'Mod+A', 'Mod+C', 'Mod+V', 'Mod+X', 'Mod+Z', 'Mod+Y', 'Mod+Shift+Z',
  'Mod+N', 'Mod+T', 'Mod+W', 'Mod+Q', 'Mod+R', 'Mod+Shift+R', 'Mod+L', 'Mod+P', 'Mod+S', 'Mod+H', 'Mod+M',
  'Mod+Shift+N', 'Mod+Shift+T', 'Mod+Shift+W', 'Mod+Shift+I', 'Mod+Shift+J', 'Mod+Shift+C',
  // Input methods: switch IME, full/half width, Chinese/English punctuation, simplified/traditional.
  'Mod+Space', 'Shift+Space', 'Alt+Space', 'Mod+Shift+Space', 'Mod+Period', 'Mod+Shift+F', 'Alt+Shift+Space',
  'Mod+Tab', 'Mod+Shift+Tab', 'Alt+Tab', 'Alt+F4', 'F5', 'F11', 'F12',
]);

const MODIFIERS = ['Mod', 'Alt', 'Shift'] as const;
type Modifier = (typeof MODIFIERS)[number];

const NAMED_KEYS: Record<string, string> = {
  '/': 'Slash', '?': 'Slash', ',': 'Comma', '<': 'Comma', '.': 'Period', '>': 'Period',
  '=': 'Equal', '+': 'Equal', '-': 'Minus', '_': 'Minus', ' ': 'Space',
  '[': 'BracketLeft', '{': 'BracketLeft', ']': 'BracketRight', '}': 'BracketRight',
  Esc: 'Escape',
};

/** The key part of a binding for a KeyboardEvent-like value; null for a lone modifier. */
export function keyName(e: { key: string; code?: string }): string | null {
  const { key } = e;
  if (['Control', 'Meta', 'Alt', 'Shift', 'AltGraph', 'CapsLock', 'Process', 'Dead', 'Unidentified'].includes(key)) return null;
  if (/^[a-z]$/i.test(key)) return key.toUpperCase();
  if (/^\d$/.test(key)) return key;
  if (NAMED_KEYS[key]) return NAMED_KEYS[key]!;
  // Alt on macOS turns letters into symbols (⌥R is ®): fall back to the physical key.
  const code = e.code ?? '';
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1]!;
  const digit = /^Digit(\d)$/.exec(code);
  if (digit) return digit[1]!;
  if (key.length === 1) return NAMED_KEYS[key] ?? null;
  return key;
}

export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** The binding a key press makes (`Mod+Shift+O`); null for a lone modifier. `mac`: ⌘ is Mod, else Ctrl. */
export function bindingOf(e: KeyLike, mac: boolean): string | null {
  const key = keyName(e);
  if (!key) return null;
  const mod = mac ? e.metaKey : e.ctrlKey;
  // Ctrl on a Mac (and ⌘/Win elsewhere) is not part of any binding: such a press matches nothing.
  const foreign = mac ? e.ctrlKey : e.metaKey;
  if (foreign) return null;
  return [mod && 'Mod', e.altKey && 'Alt', e.shiftKey && 'Shift', key].filter(Boolean).join('+');
}

/** Puts a typed or stored binding into canonical order (`shift+mod+k` → `Mod+Shift+K`); null when unreadable. */
export function normalizeBinding(text: string): string | null {
  const parts = text.split('+').map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return null;
  const mods = new Set<Modifier>();
  let key: string | null = null;
  for (const part of parts) {
    const lower = part.toLowerCase();
    const mod = lower === 'mod' || lower === 'ctrl' || lower === 'cmd' ? 'Mod' : lower === 'alt' || lower === 'option' ? 'Alt' : lower === 'shift' ? 'Shift' : null;
    if (mod) mods.add(mod);
    else if (key) return null;
    else key = /^[a-z]$/i.test(part) ? part.toUpperCase() : part;
  }
  if (!key) return null;
  return [...MODIFIERS.filter((m) => mods.has(m)), key].join('+');
}

export type BindingProblem = 'unreadable' | 'needsModifier' | 'reserved' | 'taken';

/**
 * Whether `binding` may be used for `action`: it needs Ctrl/⌘ or Alt (a bare letter would eat
 * typing; Escape and F-keys are fine), must not be reserved, nor taken by another action.
 */
export function checkBinding(
  action: ShortcutAction,
  binding: string,
  current: Readonly<Record<ShortcutAction, string>>,
): { ok: true; binding: string } | { ok: false; problem: BindingProblem; other?: ShortcutAction } {
  const normalized = normalizeBinding(binding);
  if (!normalized) return { ok: false, problem: 'unreadable' };
  const key = normalized.split('+').at(-1)!;
  const hasMod = normalized.startsWith('Mod+') || normalized.includes('Alt+');
  if (!hasMod && key !== 'Escape' && !/^F\d{1,2}$/.test(key)) return { ok: false, problem: 'needsModifier' };
  if (RESERVED.has(normalized)) return { ok: false, problem: 'reserved' };
  const other = ShortcutAction.options.find((a) => a !== action && current[a] === normalized);
  if (other) return { ok: false, problem: 'taken', other };
  return { ok: true, binding: normalized };
}

/** Defaults with the user's overrides on top; an override that no longer passes the rules is ignored. */
export function effectiveShortcuts(overrides: ShortcutOverrides | undefined): Record<ShortcutAction, string> {
  const result = { ...DEFAULT_SHORTCUTS };
  for (const action of ShortcutAction.options) {
    const wanted = overrides?.[action];
    if (!wanted) continue;
    const checked = checkBinding(action, wanted, result);
    if (checked.ok) result[action] = checked.binding;
  }
  return result;
}

const KEY_LABELS: Record<string, string> = {
  Slash: '/', Comma: ',', Period: '.', Equal: '+', Minus: '−', Space: 'Space',
  BracketLeft: '[', BracketRight: ']', ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→',
  Escape: 'Esc', Enter: 'Enter', Backspace: 'Backspace',
};

/** How a binding is shown: `Ctrl+Shift+O` on Windows/Linux, `⇧⌘O` on macOS. */
export function formatBinding(binding: string, mac: boolean): string {
  const parts = binding.split('+');
  const key = parts.pop()!;
  const label = KEY_LABELS[key] ?? key;
  if (mac) {
    const symbols = { Mod: '⌘', Alt: '⌥', Shift: '⇧' } as Record<string, string>;
    // macOS orders modifiers ⌥⇧⌘.
    const order = ['Alt', 'Shift', 'Mod'];
    return [...order.filter((m) => parts.includes(m)).map((m) => symbols[m]), label].join('');
  }
  return [...parts.map((m) => (m === 'Mod' ? 'Ctrl' : m)), label].join('+');
}

/** The same binding as an `aria-keyshortcuts` value (`Control+Shift+O`, `Meta+K`). */
export function ariaKeyshortcuts(binding: string, mac: boolean): string {
  const aria: Record<string, string> = { Slash: '/', Comma: ',', Period: '.', Equal: '=', Minus: '-', Space: 'Space' };
  return binding
    .split('+')
    .map((p) => (p === 'Mod' ? (mac ? 'Meta' : 'Control') : (aria[p] ?? p)))
    .join('+');
}

/** The same binding as an Electron menu accelerator (`CmdOrCtrl+Shift+O`), for the desktop menu. */
export function electronAccelerator(binding: string): string {
  const names: Record<string, string> = { Mod: 'CmdOrCtrl', Slash: '/', Comma: ',', Period: '.', Equal: '=', Minus: '-', ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right', Escape: 'Esc' };
  return binding
    .split('+')
    .map((p) => names[p] ?? p)
    .join('+');
}
