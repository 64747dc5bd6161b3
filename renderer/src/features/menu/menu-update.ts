import type { TFunction } from 'i18next';
import { MenuLabels, type MenuUpdate } from '../../../../shared/menu-routes';
import { ShortcutAction } from '../../../../shared/shortcuts';

/** What the desktop menu bar shows, in the page's language, with the bindings in effect. */
export function menuUpdate(t: TFunction, bindings: Readonly<Record<ShortcutAction, string>>): MenuUpdate {
  const labels = Object.fromEntries(MenuLabels.keyof().options.map((key) => [key, t(`menu.${key}`)])) as MenuLabels;
  const items = ShortcutAction.options.map((action) => ({
    action,
    // The list's own title reads better as a menu item than its row in the list.
    label: action === 'shortcutList' ? t('shortcuts.listTitle') : t(`shortcuts.actions.${action}`),
    binding: bindings[action],
  }));
  return { labels, items };
}
