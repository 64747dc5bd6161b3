import type { MenuUpdate } from '../../../shared/menu-routes';
import type { Handlers } from '../router';

/**
 * The menu bar's words and shortcuts from the page. Only the Electron host has a menu bar; the
 * browser host passes no `apply`, and the call is answered as done.
 */
export function menuHandlers(apply: ((update: MenuUpdate) => void) | undefined): Pick<Handlers, 'menu.update'> {
  return {
    'menu.update': (update) => {
      apply?.(update);
      return {};
    },
  };
}
