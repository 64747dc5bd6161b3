import { socksDispatcher } from 'fetch-socks';
import { Agent, EnvHttpProxyAgent, ProxyAgent, fetch as undiciFetch, type Dispatcher } from 'undici';
import { bypasses, type ResolvedProxy } from './proxy';

/** Makes the fetch for one proxy setting. Hosts plug in their own (Electron: a session's net.fetch). */
export type ProxyFetchFactory = (proxy: ResolvedProxy) => typeof fetch;

/**
 * Browser host / Node: an undici dispatcher per proxy setting. `system` reads HTTPS_PROXY,
 * HTTP_PROXY and NO_PROXY; `manual` goes through an HTTP(S) proxy (CONNECT for https targets) or
 * SOCKS5, with Basic / username-password auth. TLS uses Node's trust store; nothing turns it off.
 */
export function createUndiciFetchFactory(): ProxyFetchFactory {
  const direct = new Agent();
  const cache = new Map<string, Dispatcher>();

  const dispatcherFor = (proxy: ResolvedProxy): Dispatcher => {
    if (proxy.mode === 'none') return direct;
    const key = JSON.stringify([proxy.mode, proxy.url?.href ?? '', proxy.username, proxy.password]);
    let dispatcher = cache.get(key);
    if (dispatcher) return dispatcher;
    if (proxy.mode === 'system') dispatcher = new EnvHttpProxyAgent();
    else if (!proxy.url) throw Object.assign(new Error('The manual proxy address is not valid'), { code: 'FERRY_PROXY_INVALID' });
    else if (proxy.url.protocol.startsWith('socks')) {
      dispatcher = socksDispatcher({
        type: 5,
        host: proxy.url.hostname.replace(/^\[|\]$/g, ''),
        port: Number(proxy.url.port),
        ...(proxy.username ? { userId: proxy.username, password: proxy.password } : {}),
      });
    } else {
      const token = proxy.username ? `Basic ${Buffer.from(`${proxy.username}:${proxy.password}`).toString('base64')}` : undefined;
      dispatcher = new ProxyAgent({ uri: proxy.url.href, ...(token ? { token } : {}) });
    }
    cache.set(key, dispatcher);
    return dispatcher;
  };

  return (proxy) =>
    ((input: string | URL | Request, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const dispatcher = bypasses(new URL(url).hostname, proxy) ? direct : dispatcherFor(proxy);
      return undiciFetch(url, { ...(init as object), dispatcher } as Parameters<typeof undiciFetch>[1]);
    }) as unknown as typeof fetch;
}
