import { useEffect } from 'react';
import { bindingOf, ShortcutAction } from '../../../../shared/shortcuts';
import { SHORTCUT_ACTIONS } from './actions';
import { isMacPlatform, useShortcuts } from './use-shortcuts';

/**
 * One keydown listener for every app shortcut. Keys that compose an IME candidate are never
 * shortcuts; a key an inner control already claimed (preventDefault) is left alone; while a dialog
 * is open it owns the keyboard.
 */
export function GlobalShortcuts() {
  const bindings = useShortcuts();
  useEffect(() => {
    const byBinding = new Map<string, ShortcutAction>();
    for (const action of ShortcutAction.options) byBinding.set(bindings[action], action);
    // Ctrl + "+" is typed with Shift on most layouts.
    if (bindings.fontBigger.startsWith('Mod+') && !bindings.fontBigger.includes('Shift')) {
      byBinding.set(bindings.fontBigger.replace('Mod+', 'Mod+Shift+'), 'fontBigger');
    }
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.isComposing || e.keyCode === 229 || e.defaultPrevented) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      const binding = bindingOf(e, isMacPlatform());
      const action = binding ? byBinding.get(binding) : undefined;
      if (!action) return;
      if (SHORTCUT_ACTIONS[action]()) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [bindings]);
  return null;
}
