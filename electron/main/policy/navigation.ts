import { isSafeExternalUrl } from '../../core/external-url';

/** What to do with a navigation or window.open: the app never leaves its one page. */
export interface NavigationDecision {
  /** Only going (back) to the app's own entry page, e.g. from the recovery page's Reload. */
  allow: boolean;
  /** A plain web link, opened in the system browser instead. */
  openExternally: string | null;
}

/** For `will-navigate` and `setWindowOpenHandler`: http(s) links go to the browser, the rest nowhere. */
export function navigationDecision(url: string, entryUrl: string): NavigationDecision {
  if (url === entryUrl) return { allow: true, openExternally: null };
  return { allow: false, openExternally: isSafeExternalUrl(url) ? url : null };
}
