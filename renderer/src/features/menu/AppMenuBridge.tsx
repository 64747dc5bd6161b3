import { useEffect } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { getApi } from '../../api';
import { SHORTCUT_ACTIONS } from '../shortcuts/actions';
import { useShortcuts } from '../shortcuts/use-shortcuts';
import { menuUpdate } from './menu-update';

/**
 * Keeps the desktop menu bar in the page's language and bindings, and runs the action of a menu
 * item the user picked, exactly as its keys would. The browser host has no menu bar: it answers
 * `menu.update` and never sends `menu.action`.
 */
export function AppMenuBridge() {
  const { t, i18n } = useTranslation();
  const bindings = useShortcuts();
  const key = JSON.stringify(bindings);
  useEffect(() => {
    // A menu that did not update keeps its previous words; nothing the user typed is at stake.
    getApi()
      .call('menu.update', menuUpdate(t, bindings))
      .catch((error: unknown) => console.warn('menu.update failed', error));
    // `key` stands for `bindings`, which is a new object on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t, i18n.language, key]);
  useEffect(() => getApi().on('menu.action', ({ action }) => void SHORTCUT_ACTIONS[action]()), []);
  return null;
}
