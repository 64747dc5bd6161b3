import type { ResolvedProxy } from './proxy';

/** Which network stack carries a request in the desktop app. */
export type FetchPath = 'chromium' | 'node';

/**
 * Chromium (Electron's net.fetch) for direct connections, the OS settings (PAC included) and proxies
 * without credentials: it uses the OS trust store and resolves PAC. Node (undici / fetch-socks, the
 * browser host's path) for every proxy with a username: net.fetch never answers a proxy's 407
 * (electron/electron#44249) and Chromium has no SOCKS5 username/password at all (#42992).
 * An unusable manual address also goes to Node, which reports it as such.
 */
export function fetchPathFor(proxy: Pick<ResolvedProxy, 'mode' | 'url' | 'username'>): FetchPath {
  if (proxy.mode !== 'manual') return 'chromium';
  if (!proxy.url || proxy.username) return 'node';
  return 'chromium';
}
