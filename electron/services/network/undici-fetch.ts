import { socksDispatcher } from 'fetch-socks';
import { Agent, EnvHttpProxyAgent, ProxyAgent, type Dispatcher } from 'undici';
import { DEFAULT_TIMEOUT_SETTINGS } from '../../../shared/schemas';
import { eventStreamFetch } from './event-stream-fetch';
import { bypasses, type ResolvedProxy } from './proxy';

/** Makes the fetch for one proxy setting. Hosts plug in their own (Electron: a session's net.fetch). */
export type ProxyFetchFactory = (proxy: ResolvedProxy, options?: ProxyFetchOptions) => typeof fetch;

export interface ProxyFetchOptions {
  /** Bound on TCP + TLS (and the SOCKS handshake) of each new connection. Default: the app's default connect limit. */
  connectTimeoutMs?: number;
}


/**
 * Browser host / Node: an undici dispatcher per proxy setting. `system` reads HTTPS_PROXY,
 * HTTP_PROXY and NO_PROXY; `manual` goes through an HTTP(S) proxy (CONNECT for https targets) or
 * SOCKS5, with Basic / username-password auth. TLS uses Node's trust store; nothing turns it off.
 * Requests go through eventStreamFetch, so a streamed answer can be read without WHATWG streams.
 */
export function createUndiciFetchFactory(): ProxyFetchFactory {
  const cache = new Map<string, Dispatcher>();
  const directFor = (timeout: number): Dispatcher => {
    const key = `direct:${timeout}`;
    let dispatcher = cache.get(key);
    if (!dispatcher) cache.set(key, (dispatcher = new Agent({ connect: { timeout } })));
    return dispatcher;
  };

  const dispatcherFor = (proxy: ResolvedProxy, timeout: number): Dispatcher => {
    if (proxy.mode === 'none') return directFor(timeout);
    const key = JSON.stringify([proxy.mode, proxy.url?.href ?? '', proxy.username, proxy.password, timeout]);
    let dispatcher = cache.get(key);
    if (dispatcher) return dispatcher;
    const connect = { timeout };
    if (proxy.mode === 'system') dispatcher = new EnvHttpProxyAgent({ connect });
    else if (!proxy.url) throw Object.assign(new Error('The manual proxy address is not valid'), { code: 'FERRY_PROXY_INVALID' });
    else if (proxy.url.protocol.startsWith('socks')) {
      dispatcher = socksDispatcher({
        type: 5,
        host: proxy.url.hostname.replace(/^\[|\]$/g, ''),
        port: Number(proxy.url.port),
        ...(proxy.username ? { userId: proxy.username, password: proxy.password } : {}),
      }, { connect });
    } else {
      const token = proxy.username ? `Basic ${Buffer.from(`${proxy.username}:${proxy.password}`).toString('base64')}` : undefined;
      dispatcher = new ProxyAgent({ uri: proxy.url.href, connect, ...(token ? { token } : {}) });
    }
    cache.set(key, dispatcher);
    return dispatcher;
  };

  return (proxy, options) =>
    ((input: string | URL | Request, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const timeout = options?.connectTimeoutMs ?? DEFAULT_TIMEOUT_SETTINGS.connectMs;
      const dispatcher = bypasses(new URL(url).hostname, proxy) ? directFor(timeout) : dispatcherFor(proxy, timeout);
      return eventStreamFetch(input, init, dispatcher);
    }) as typeof fetch;
}
