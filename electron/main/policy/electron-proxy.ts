import type { ResolvedProxy } from '../../services/network/proxy';

// Chromium's own notation for "loopback and private LAN": what bypassLocal means.
export const LOCAL_BYPASS = ['<local>', 'localhost', '127.0.0.0/8', '::1', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16', 'fc00::/7', 'fe80::/10', '*.local'];

/** The shape of Electron's `session.setProxy` argument that Ferry uses. */
export type SessionProxyConfig = { mode: 'direct' } | { mode: 'system' } | { mode: 'fixed_servers'; proxyRules: string; proxyBypassRules: string };

/**
 * A proxy setting as Chromium's session wants it. `system` follows the OS (PAC included); a manual
 * proxy becomes `fixed_servers` (credentials are not part of it: Chromium asks for them separately,
 * and net.fetch never does — see network/fetch-path.ts for where such proxies go instead).
 */
export function sessionProxyConfig(proxy: ResolvedProxy): SessionProxyConfig {
  if (proxy.mode === 'none' || (proxy.mode === 'manual' && !proxy.url)) return { mode: 'direct' };
  if (proxy.mode === 'system') return { mode: 'system' };
  const url = proxy.url!;
  const scheme = url.protocol === 'socks5h:' ? 'socks5' : url.protocol.replace(':', '');
  return { mode: 'fixed_servers', proxyRules: `${scheme}://${url.host}`, proxyBypassRules: proxy.bypassLocal ? LOCAL_BYPASS.join(',') : '' };
}
