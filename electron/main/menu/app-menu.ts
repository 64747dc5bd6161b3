import type { MenuItemConstructorOptions } from 'electron';
import type { MenuActionItem, MenuLabels } from '../../../shared/menu-routes';
import { electronAccelerator, type ShortcutAction } from '../../../shared/shortcuts';

export interface AppMenuInput {
  mac: boolean;
  appName: string;
  /** A packaged app has no Reload or developer tools in its menus. */
  packaged: boolean;
  /** Absent until the page has sent its words: Electron's own labels, and these English titles. */
  labels?: MenuLabels;
  items: readonly MenuActionItem[];
  /** What a click on one of Ferry's items does: the host sends it to the page. */
  onAction(action: ShortcutAction): void;
}

/** Which menu each of Ferry's actions sits in. */
const SECTION: Record<ShortcutAction, 'file' | 'view' | 'conversation'> = {
  newChat: 'file',
  settings: 'file',
  search: 'conversation',
  find: 'conversation',
  stop: 'conversation',
  regenerate: 'conversation',
  focusComposer: 'conversation',
  previousConversation: 'conversation',
  nextConversation: 'conversation',
  toggleSidebar: 'view',
  fontBigger: 'view',
  fontSmaller: 'view',
  fontReset: 'view',
  shortcutList: 'view',
};

const TITLES = { file: 'File', edit: 'Edit', view: 'View', conversation: 'Conversation', window: 'Window' };

/**
 * The menu bar's template. Ferry's items show their binding but do not register it
 * (`registerAccelerator: false`): the page's own key handler is the one place keys act, so nothing
 * runs twice. The Edit items keep their roles and accelerators, which macOS needs for copy and paste.
 */
export function buildAppMenuTemplate(input: AppMenuInput): MenuItemConstructorOptions[] {
  const { mac, labels } = input;
  // A role item with `label: undefined` keeps Electron's own (the OS language on macOS).
  const role = (name: NonNullable<MenuItemConstructorOptions['role']>, key?: keyof MenuLabels): MenuItemConstructorOptions =>
    key && labels ? { role: name, label: labels[key] } : { role: name };
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const actions = (section: (typeof SECTION)[ShortcutAction]): MenuItemConstructorOptions[] =>
    input.items
      .filter((item) => SECTION[item.action] === section)
      .map((item) => ({
        id: `ferry.${item.action}`,
        label: item.label,
        accelerator: electronAccelerator(item.binding),
        registerAccelerator: false,
        click: () => input.onAction(item.action),
      }));
  const title = (key: keyof typeof TITLES) => labels?.[key] ?? TITLES[key];
  const menu = (key: keyof typeof TITLES, submenu: MenuItemConstructorOptions[]): MenuItemConstructorOptions => ({ label: title(key), submenu });

  const appMenu: MenuItemConstructorOptions = {
    label: input.appName,
    submenu: [
      role('about', 'about'),
      sep,
      role('services', 'services'),
      sep,
      role('hide', 'hide'),
      role('hideOthers', 'hideOthers'),
      role('unhide', 'showAll'),
      sep,
      role('quit', 'quit'),
    ],
  };
  const file = actions('file');
  // macOS puts Quit in the app menu and Close Window in File; elsewhere Quit ends File.
  const fileMenu = menu('file', [...file, ...(file.length ? [sep] : []), mac ? role('close', 'close') : role('quit', 'quit')]);
  const editMenu = menu('edit', [role('undo', 'undo'), role('redo', 'redo'), sep, role('cut', 'cut'), role('copy', 'copy'), role('paste', 'paste'), role('selectAll', 'selectAll')]);
  const view = actions('view');
  const developer: MenuItemConstructorOptions[] = input.packaged ? [] : [...(view.length ? [sep] : []), { role: 'reload' }, { role: 'toggleDevTools' }];
  const viewMenu = menu('view', [...view, ...developer]);
  const conversation = actions('conversation');
  const windowMenu = menu('window', mac ? [role('minimize', 'minimize'), role('zoom', 'zoom'), sep, role('front', 'front')] : [role('minimize', 'minimize'), role('close', 'close')]);

  const menus = [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, menu('conversation', conversation), windowMenu];
  return menus.filter((m) => (m.submenu as MenuItemConstructorOptions[]).length > 0);
}
