import { isLocalHost } from '../../../shared/base-url';
import { DEFAULT_PROXY, type ConnectionConfig, type Preferences, type ProxyConfig } from '../../../shared/schemas';

/** A proxy ready to use: the stored config plus its password from the keychain (never persisted here). */
export interface ResolvedProxy {
  mode: ProxyConfig['mode'];
  /** For `manual`: parsed proxy URL without credentials. */
  url: URL | null;
  username: string;
  password: string;
  bypassLocal: boolean;
}

const PROXY_SCHEMES = ['http:', 'https:', 'socks5:', 'socks5h:'] as const;

/** The proxy a connection uses: its own override, else the app default. */
export function effectiveProxy(connection: Pick<ConnectionConfig, 'proxy'> | null, prefs: Pick<Preferences, 'proxy'>): ProxyConfig {
  return connection?.proxy ?? prefs.proxy ?? DEFAULT_PROXY;
}

/** The vault account of a proxy password; `scope` is 'app' (the default proxy) or a connection id (its override). */
export const proxyPasswordAccount = (scope: string): string => `proxy:${scope}`;

/** The vault account of the password of the proxy this connection actually uses. */
export const effectiveProxyPasswordAccount = (connection: Pick<ConnectionConfig, 'id' | 'proxy'> | null): string =>
  proxyPasswordAccount(connection?.proxy ? connection.id : 'app');

/** Parses a manual proxy address; `127.0.0.1:7890` means http. Null when it is not usable. */
function parseProxyUrl(text: string): URL | null {
  const typed = text.trim();
  if (!typed) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `http://${typed}`);
    if (!(PROXY_SCHEMES as readonly string[]).includes(url.protocol) || !url.hostname || url.username || url.password) return null;
    if (!url.port) url.port = url.protocol.startsWith('socks') ? '1080' : url.protocol === 'https:' ? '443' : '80';
    return url;
  } catch {
    return null;
  }
}

export function resolveProxy(config: ProxyConfig, password: string | null): ResolvedProxy {
  return {
    mode: config.mode,
    url: config.mode === 'manual' ? parseProxyUrl(config.url) : null,
    username: config.username,
    password: password ?? '',
    bypassLocal: config.bypassLocal,
  };
}

/** Whether a request to `hostname` skips the proxy: loopback and private LAN, when bypass is on. */
export function bypasses(hostname: string, proxy: Pick<ResolvedProxy, 'bypassLocal'>): boolean {
  return proxy.bypassLocal && isLocalHost(hostname);
}

/** How the proxy is shown in the UI and the test report: never credentials. */
export function describeProxy(proxy: ResolvedProxy, target?: string): string {
  if (target) {
    try {
      if (proxy.mode !== 'none' && bypasses(new URL(target).hostname, proxy)) return 'direct (local address)';
    } catch {
      // shown as configured
    }
  }
  if (proxy.mode === 'none') return 'direct';
  if (proxy.mode === 'system') return 'system';
  if (!proxy.url) return 'invalid';
  return `${proxy.url.protocol}//${proxy.username ? `${proxy.username}@` : ''}${proxy.url.host}`;
}
