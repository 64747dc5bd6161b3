import type { ResolvedProxy } from './proxy';
import { bypasses } from './proxy';

/** The machine a request's first TCP connection goes to: the target itself, or the proxy. */
export interface Hop {
  host: string;
  port: number;
  /** TLS is negotiated with this hop directly (an https target without proxy, or an https proxy). */
  tls: boolean;
  /** Server name for TLS. */
  servername?: string;
}

const defaultPort = (protocol: string): number => (protocol === 'https:' ? 443 : protocol.startsWith('socks') ? 1080 : 80);
const bare = (host: string) => host.replace(/^\[|\]$/g, '');

function direct(target: URL): Hop {
  const tls = target.protocol === 'https:';
  return { host: bare(target.hostname), port: Number(target.port) || defaultPort(target.protocol), tls, ...(tls ? { servername: bare(target.hostname) } : {}) };
}

/**
 * Chromium's answer to "which proxy for this URL" (session.resolveProxy, PAC evaluated), e.g.
 * `PROXY proxy.corp:8080; DIRECT`: the first entry, as a hop; null for DIRECT (or nothing usable).
 */
export function parseChromiumProxyList(list: string): { scheme: 'http' | 'https' | 'socks'; host: string; port: number } | null {
  const first = list.split(';')[0]?.trim() ?? '';
  const match = /^(PROXY|HTTPS|SOCKS5?|SOCKS4)\s+(\[[^\]]+\]|[^\s:]+):(\d{1,5})$/i.exec(first);
  if (!match) return null;
  const kind = match[1]!.toUpperCase();
  return { scheme: kind === 'HTTPS' ? 'https' : kind.startsWith('SOCKS') ? 'socks' : 'http', host: bare(match[2]!), port: Number(match[3]) };
}

/**
 * Where the first connection of a request to `targetUrl` goes under this proxy setting. For `system`
 * the caller supplies Chromium's resolution (PAC included); without it the target is assumed direct.
 */
export function firstHop(targetUrl: string, proxy: ResolvedProxy, systemResolution?: string): Hop {
  const target = new URL(targetUrl);
  if (proxy.mode === 'none' || bypasses(target.hostname, proxy)) return direct(target);
  if (proxy.mode === 'system') {
    const found = systemResolution ? parseChromiumProxyList(systemResolution) : null;
    return found ? { host: found.host, port: found.port, tls: found.scheme === 'https', ...(found.scheme === 'https' ? { servername: found.host } : {}) } : direct(target);
  }
  if (!proxy.url) return direct(target);
  const tls = proxy.url.protocol === 'https:';
  const host = bare(proxy.url.hostname);
  return { host, port: Number(proxy.url.port) || defaultPort(proxy.url.protocol), tls, ...(tls ? { servername: host } : {}) };
}
