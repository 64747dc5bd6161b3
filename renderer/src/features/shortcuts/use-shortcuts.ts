import { effectiveShortcuts, formatBinding, ariaKeyshortcuts, type ShortcutAction } from '../../../../shared/shortcuts';
import { useAppStore } from '../../state/app-store';

/** Whether ⌘ is the shortcut modifier: from main's platform once known, else the browser's. */
export function isMacPlatform(platform = useAppStore.getState().info?.platform): boolean {
  if (platform) return platform === 'darwin';
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform ?? '');
}

/** The bindings in effect: defaults with the user's overrides. */
export function useShortcuts(): Record<ShortcutAction, string> {
  const overrides = useAppStore((s) => s.prefs?.shortcuts);
  return effectiveShortcuts(overrides);
}

/** For a control that an action also triggers: its tooltip suffix and aria-keyshortcuts. */
export function useShortcutHint(action: ShortcutAction): { label: string; aria: string } {
  const binding = useShortcuts()[action];
  const mac = isMacPlatform(useAppStore((s) => s.info?.platform));
  return { label: formatBinding(binding, mac), aria: ariaKeyshortcuts(binding, mac) };
}

/** "New chat (Ctrl+Shift+O)": a tooltip that teaches the shortcut. */
export const withShortcut = (text: string, hint: { label: string }) => `${text} (${hint.label})`;
