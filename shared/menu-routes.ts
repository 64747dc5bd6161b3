import { z } from 'zod';
import { ShortcutAction } from './shortcuts';

/**
 * The desktop app's menu bar. Its words and the user's bindings live in the renderer (language,
 * overrides), so the renderer sends them; the Electron host builds the menu, the browser host has none.
 */
const label = z.string().trim().min(1).max(120);

/** The menus' titles and the standard items' words (the OS's own labels would stay English on Windows and Linux). */
export const MenuLabels = z
  .object({
    file: label,
    edit: label,
    view: label,
    conversation: label,
    window: label,
    about: label,
    services: label,
    hide: label,
    hideOthers: label,
    showAll: label,
    quit: label,
    undo: label,
    redo: label,
    cut: label,
    copy: label,
    paste: label,
    selectAll: label,
    minimize: label,
    zoom: label,
    close: label,
    front: label,
  })
  .strict();
export type MenuLabels = z.infer<typeof MenuLabels>;

/** One of Ferry's own actions, with the binding in effect (`Mod+Shift+O`). */
export const MenuActionItem = z.object({ action: ShortcutAction, label, binding: z.string().min(1).max(40) }).strict();
export type MenuActionItem = z.infer<typeof MenuActionItem>;

export const MenuUpdate = z
  .object({ labels: MenuLabels, items: z.array(MenuActionItem).max(ShortcutAction.options.length) })
  .strict();
export type MenuUpdate = z.infer<typeof MenuUpdate>;

export const menuRoutes = {
  /** Replaces the menu bar's words and shortcuts; sent after boot and when the language or a binding changes. */
  'menu.update': { input: MenuUpdate, output: z.object({}) },
};

export const menuEvents = {
  /** The user picked one of Ferry's actions in the menu bar: the page runs it as if its keys were pressed. */
  'menu.action': z.object({ action: ShortcutAction }),
};
