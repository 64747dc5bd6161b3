import { app, session, type Session } from 'electron';
import type { ResolvedProxy } from '../services/network/proxy';
import type { ProxyFetchFactory } from '../services/network/undici-fetch';

// Chromium's own notation for "loopback and private LAN": what bypassLocal means.
const LOCAL_BYPASS = ['<local>', 'localhost', '127.0.0.0/8', '::1', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16', 'fc00::/7', 'fe80::/10', '*.local'];

/**
 * Electron host: one dedicated session (never the window's) per proxy setting, its proxy set from
 * the setting, and that session's `net.fetch` handed to the SDK. `system` uses the OS settings
 * including PAC; certificates are checked against the OS trust store, with no way to turn it off.
 */
export function createSessionFetchFactory(): ProxyFetchFactory {
  const sessions = new Map<string, Promise<Session>>();
  const credentials = new Map<string, { username: string; password: string }>();

  // Proxy authentication (HTTP 407 / SOCKS5 username+password) is answered from the setting, only for proxies.
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
      const bypass = proxy.bypassLocal ? LOCAL_BYPASS.join(',') : '';
      const url = proxy.url;
      if (url && proxy.username) credentials.set(`${url.hostname}:${url.port}`, { username: proxy.username, password: proxy.password });
      const scheme = url?.protocol === 'socks5h:' ? 'socks5' : url?.protocol.replace(':', '');
      ready = (
        proxy.mode === 'none' || (proxy.mode === 'manual' && !url)
          ? ses.setProxy({ mode: 'direct' })
          : proxy.mode === 'system'
            ? ses.setProxy({ mode: 'system' })
            : ses.setProxy({ mode: 'fixed_servers', proxyRules: `${scheme}://${url!.host}`, proxyBypassRules: bypass })
      ).then(() => ses);
      sessions.set(key, ready);
    }
    return ready;
  };

  return (proxy) =>
    (async (input: string | URL | Request, init?: RequestInit) => {
      const ses = await sessionFor(proxy);
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      return ses.fetch(url, init as Parameters<Session['fetch']>[1]);
    }) as typeof fetch;
}
