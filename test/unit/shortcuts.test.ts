import { describe, expect, it } from 'vitest';
import {
  ariaKeyshortcuts,
  bindingOf,
  checkBinding,
  DEFAULT_SHORTCUTS,
  effectiveShortcuts,
  electronAccelerator,
  formatBinding,
  normalizeBinding,
  ShortcutAction,
} from '../../shared/shortcuts';

const press = (key: string, mods: Partial<{ ctrl: boolean; meta: boolean; alt: boolean; shift: boolean }> = {}, code?: string) => ({
  key,
  code,
  ctrlKey: !!mods.ctrl,
  metaKey: !!mods.meta,
  altKey: !!mods.alt,
  shiftKey: !!mods.shift,
});

describe('shortcut bindings', () => {
  it('reads key presses the same way on every layout and platform', () => {
    expect(bindingOf(press('k', { ctrl: true }), false)).toBe('Mod+K');
    expect(bindingOf(press('k', { meta: true }), true)).toBe('Mod+K');
    // Ctrl on a Mac is not ⌘: no binding matches it.
    expect(bindingOf(press('k', { ctrl: true }), true)).toBeNull();
    expect(bindingOf(press('O', { ctrl: true, shift: true }), false)).toBe('Mod+Shift+O');
    expect(bindingOf(press('?', { ctrl: true, shift: true }), false)).toBe('Mod+Shift+Slash');
    expect(bindingOf(press('+', { ctrl: true, shift: true }), false)).toBe('Mod+Shift+Equal');
    // ⌥R types ® on a Mac: the physical key counts.
    expect(bindingOf(press('®', { alt: true }, 'KeyR'), true)).toBe('Alt+R');
    expect(bindingOf(press('Shift', { shift: true }), false)).toBeNull();
  });

  it('normalizes typed bindings', () => {
    expect(normalizeBinding('shift+ctrl+k')).toBe('Mod+Shift+K');
    expect(normalizeBinding('Cmd+Alt+ArrowUp')).toBe('Mod+Alt+ArrowUp');
    expect(normalizeBinding('Mod+K+L')).toBeNull();
    expect(normalizeBinding('')).toBeNull();
  });

  it('refuses bindings that would take over typing, the system or an input method, or another action', () => {
    expect(checkBinding('search', 'K', DEFAULT_SHORTCUTS)).toMatchObject({ ok: false, problem: 'needsModifier' });
    expect(checkBinding('search', 'Shift+K', DEFAULT_SHORTCUTS)).toMatchObject({ ok: false, problem: 'needsModifier' });
    expect(checkBinding('search', 'Mod+Space', DEFAULT_SHORTCUTS)).toMatchObject({ ok: false, problem: 'reserved' });
    expect(checkBinding('search', 'Shift+Space', DEFAULT_SHORTCUTS)).toMatchObject({ ok: false, problem: 'needsModifier' });
    expect(checkBinding('search', 'Mod+Period', DEFAULT_SHORTCUTS)).toMatchObject({ ok: false, problem: 'reserved' });
    expect(checkBinding('search', 'Mod+C', DEFAULT_SHORTCUTS)).toMatchObject({ ok: false, problem: 'reserved' });
    expect(checkBinding('search', 'Mod+B', DEFAULT_SHORTCUTS)).toEqual({ ok: false, problem: 'taken', other: 'toggleSidebar' });
    expect(checkBinding('search', 'Mod+Shift+K', DEFAULT_SHORTCUTS)).toEqual({ ok: true, binding: 'Mod+Shift+K' });
    expect(checkBinding('stop', 'Escape', DEFAULT_SHORTCUTS)).toEqual({ ok: true, binding: 'Escape' });
  });

  it('the defaults pass their own rules and are all different', () => {
    for (const action of ShortcutAction.options) expect(checkBinding(action, DEFAULT_SHORTCUTS[action], DEFAULT_SHORTCUTS).ok, action).toBe(true);
    expect(new Set(Object.values(DEFAULT_SHORTCUTS)).size).toBe(ShortcutAction.options.length);
  });

  it('applies overrides, ignoring ones that clash or are reserved', () => {
    const s = effectiveShortcuts({ search: 'Mod+Shift+K', find: 'Mod+B', newChat: 'Mod+C' });
    expect(s.search).toBe('Mod+Shift+K');
    expect(s.find).toBe(DEFAULT_SHORTCUTS.find);
    expect(s.newChat).toBe(DEFAULT_SHORTCUTS.newChat);
  });

  it('shows bindings the way each platform writes them', () => {
    expect(formatBinding('Mod+Shift+O', false)).toBe('Ctrl+Shift+O');
    expect(formatBinding('Mod+Shift+O', true)).toBe('⇧⌘O');
    expect(formatBinding('Mod+Slash', false)).toBe('Ctrl+/');
    expect(formatBinding('Alt+ArrowUp', true)).toBe('⌥↑');
    expect(ariaKeyshortcuts('Mod+Shift+O', false)).toBe('Control+Shift+O');
    expect(ariaKeyshortcuts('Mod+K', true)).toBe('Meta+K');
    expect(electronAccelerator('Mod+Shift+O')).toBe('CmdOrCtrl+Shift+O');
    expect(electronAccelerator('Alt+ArrowDown')).toBe('Alt+Down');
  });
});
