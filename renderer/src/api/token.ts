const STORAGE_KEY = 'ferry.bridgeToken';

/**
 * The browser host hands out its access token in the link it prints. Keep it for this tab only
 * (sessionStorage, so a reload still works) and take it out of the address bar, where it would
 * end up in history, screenshots and screen shares.
 */
export function takeBridgeToken(loc: Location = window.location, hist: History = window.history): string | null {
  const url = new URL(loc.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      sessionStorage.setItem(STORAGE_KEY, fromUrl);
    } catch {
      // Storage may be disabled; the token still works until the next reload.
    }
    url.searchParams.delete('token');
    hist.replaceState(hist.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
