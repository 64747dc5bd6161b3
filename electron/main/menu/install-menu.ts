import { Menu } from 'electron';
import type { MenuUpdate } from '../../../shared/menu-routes';
import type { ShortcutAction } from '../../../shared/shortcuts';
import { buildAppMenuTemplate } from './app-menu';

/**
 * Sets the menu bar, and returns what rebuilds it from the page's `menu.update`. Until the page has
 * sent its words the bar has the standard items only (and never Electron's default menu, whose
 * Reload and developer tools a packaged app must not have).
 */
export function installAppMenu(options: { appName: string; packaged: boolean; onAction(action: ShortcutAction): void }): (update: MenuUpdate) => void {
  const apply = (update?: MenuUpdate) => {
    const template = buildAppMenuTemplate({
      mac: process.platform === 'darwin',
      appName: options.appName,
      packaged: options.packaged,
      labels: update?.labels,
      items: update?.items ?? [],
      onAction: options.onAction,
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  apply();
  return apply;
}
