import { app, session, type Session } from 'electron';
import { DEFAULT_TIMEOUT_SETTINGS } from '../../shared/schemas';
import { withConnectLimit } from '../services/network/connect-limit';
import { firstHop } from '../services/network/first-hop';
import type { ResolvedProxy } from '../services/network/proxy';
import type { ProxyFetchFactory } from '../services/network/undici-fetch';
import { sessionProxyConfig } from './policy/electron-proxy';

/**
 * Electron host, Chromium path (see services/network/fetch-path.ts for which requests take it): one
 * dedicated session (never the window's) per proxy setting, its proxy set from the setting, and that
 * session's `net.fetch` handed to the SDK. `system` uses the OS settings including PAC; certificates
 * are checked against the OS trust store. net.fetch has no connect timeout of its own: withConnectLimit
 * applies the app's, by probing the first hop (the target, the proxy, or what PAC chose).
 */
export function createSessionFetchFactory(): ProxyFetchFactory {
  const sessions = new Map<string, Promise<Session>>();
  const credentials = new Map<string, { username: string; password: string }>();
  const recentHops = new Map<string, number>();

  // Proxy authentication for Chromium requests other than net.fetch (which never asks: see fetch-path.ts).
  app.on('login', (event, _contents, _details, authInfo, callback) => {
    if (!authInfo.isProxy) return;
    const found = credentials.get(`${authInfo.host}:${authInfo.port}`);
    if (!found) return;
    event.preventDefault();
    callback(found.username, found.password);
  });

  const sessionFor = (proxy: ResolvedProxy): Promise<Session> => {
    const key = JSON.stringify([proxy.mode, proxy.url?.href ?? '', proxy.username, proxy.bypassLocal]);
    let ready = sessions.get(key);
    if (!ready) {
      const ses = session.fromPartition(`ferry-upstream-${sessions.size}`, { cache: false });
      const url = proxy.url;
      if (url && proxy.username) credentials.set(`${url.hostname}:${url.port}`, { username: proxy.username, password: proxy.password });
      ready = ses.setProxy(sessionProxyConfig(proxy)).then(() => ses);
      sessions.set(key, ready);
    }
    return ready;
  };

  return (proxy, options) => {
    const sessionFetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const ses = await sessionFor(proxy);
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      return ses.fetch(url, init as Parameters<Session['fetch']>[1]);
    }) as typeof fetch;
    return withConnectLimit(sessionFetch, {
      limitMs: options?.connectTimeoutMs ?? DEFAULT_TIMEOUT_SETTINGS.connectMs,
      recent: recentHops,
      hopFor: async (url) => firstHop(url, proxy, proxy.mode === 'system' ? await (await sessionFor(proxy)).resolveProxy(url) : undefined),
    });
  };
}
