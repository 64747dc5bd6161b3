/**
 * The desktop app's two network paths, selected per proxy setting (electron/services/network/
 * fetch-path.ts), through the real core, against the real tinyproxy and SOCKS servers. Node's path
 * (undici, fetch-socks) is the real one; Chromium's net.fetch cannot run here, so a stand-in records
 * what reaches it — built on undici, so its requests really cross the proxy. The connect time limit
 * is checked on both: natively in undici, and by withConnectLimit for a fetch that, like net.fetch,
 * has no limit of its own.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProxyConfig } from '../../shared/schemas';
import { withConnectLimit } from '../../electron/services/network/connect-limit';
import { firstHop } from '../../electron/services/network/first-hop';
import { createHybridFetchFactory } from '../../electron/services/network/hybrid-fetch';
import type { ResolvedProxy } from '../../electron/services/network/proxy';
import { createUndiciFetchFactory, type ProxyFetchFactory } from '../../electron/services/network/undici-fetch';
import { startFixtureServer, type FixtureServer } from '../fixture';
import { startSocks, startTinyproxy, type SocksProxy, type Tinyproxy } from './support/proxies';
import { startTestCore, type TestCore } from './support/test-core';

let fixture: FixtureServer;
let t: TestCore;
let chromiumSaw: ResolvedProxy[];
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  fixture = await startFixtureServer();
});
afterAll(() => fixture.close());
afterEach(async () => {
  await t?.dispose();
  for (const stop of stops.splice(0)) await stop();
  fixture.reset();
});

const manual = (url: string, username = ''): ProxyConfig => ({ mode: 'manual', url, username, bypassLocal: false });

async function desktopCore(chromium?: ProxyFetchFactory) {
  chromiumSaw = [];
  const undici = createUndiciFetchFactory();
  const standIn: ProxyFetchFactory = (proxy, options) => {
    chromiumSaw.push(proxy);
    return (chromium ?? undici)(proxy, options);
  };
  t = await startTestCore(undefined, { host: 'electron', proxyFetch: createHybridFetchFactory({ chromium: standIn, node: undici }) });
  return t;
}

async function chatThrough(proxy: ProxyConfig, proxyPassword?: string) {
  const conn = await t.call('connections.save', { name: 'F', baseUrl: fixture.baseUrl, model: 'fixture-model', proxy });
  await t.call('connections.setKey', { id: conn.id, key: 'sk-desktop-proxy-1', storage: 'session' });
  if (proxyPassword) await t.call('proxy.setPassword', { scope: conn.id, password: proxyPassword });
  const sent = await t.call('chat.send', { connectionId: conn.id, text: 'through the desktop path' });
  return t.finished(sent.assistantMessage.id);
}

describe('proxies with credentials take the Node path', () => {
  it('an HTTP proxy with Basic auth (tinyproxy): chat works, Chromium never sees it', async () => {
    const tiny: Tinyproxy = await startTinyproxy({ username: 'ferry', password: 'pr0xy-pass' });
    stops.push(() => tiny.stop());
    await desktopCore();
    const done = await chatThrough(manual(tiny.url, 'ferry'), 'pr0xy-pass');
    expect(done.status).toBe('done');
    expect(tiny.log()).toContain(`CONNECT 127.0.0.1:${fixture.port}`);
    expect(chromiumSaw).toEqual([]);
  });

  it('SOCKS5 with username and password: chat works through the proxy, Chromium never sees it', async () => {
    const socks: SocksProxy = await startSocks({ username: 'ferry', password: 's0cks-pass' });
    stops.push(() => socks.close());
    await desktopCore();
    const done = await chatThrough(manual(socks.url, 'ferry'), 's0cks-pass');
    expect(done.status).toBe('done');
    expect(socks.destinations.some((d) => d.port === fixture.port)).toBe(true);
    expect(socks.authFailures).toBe(0);
    expect(chromiumSaw).toEqual([]);
  });
});

describe('everything else stays on Chromium', () => {
  it('a proxy without credentials, direct, and the system settings', async () => {
    const tiny = await startTinyproxy();
    stops.push(() => tiny.stop());
    await desktopCore();
    expect((await chatThrough(manual(tiny.url))).status).toBe('done');
    expect(tiny.log()).toContain(`CONNECT 127.0.0.1:${fixture.port}`);
    expect(chromiumSaw.map((p) => p.mode)).toContain('manual');
    expect((await chatThrough({ mode: 'none', url: '', username: '', bypassLocal: false })).status).toBe('done');
    expect((await chatThrough({ mode: 'system', url: '', username: '', bypassLocal: false })).status).toBe('done');
    expect([...new Set(chromiumSaw.map((p) => p.mode))].sort()).toEqual(['manual', 'none', 'system']);
  });
});

/** Accepts TCP and then says nothing: no TLS handshake, no SOCKS greeting, no HTTP. */
async function silentServer(): Promise<{ port: number }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stops.push(
    () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  );
  return { port: (server.address() as { port: number }).port };
}

/** Like net.fetch towards a host that never completes the handshake: it waits until aborted. */
const waitsForever: typeof fetch = ((_input: unknown, init?: RequestInit) =>
  new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason), { once: true }))) as typeof fetch;

describe('the connect time limit, on both paths', () => {
  it('Chromium path: a server that never completes TLS fails as a connect timeout, after the limit', async () => {
    const silent = await silentServer();
    await desktopCore((proxy, options) => withConnectLimit(waitsForever, { limitMs: options?.connectTimeoutMs ?? 30_000, hopFor: async (url) => firstHop(url, proxy) }));
    await t.call('prefs.setTimeouts', { timeouts: { connectMs: 1_000 } });
    const conn = await t.call('connections.save', { name: 'Silent', baseUrl: `https://127.0.0.1:${silent.port}/v1`, model: 'm', proxy: { mode: 'none', url: '', username: '', bypassLocal: false } });
    await t.call('connections.setKey', { id: conn.id, key: 'sk-desktop-proxy-1', storage: 'session' });
    const started = Date.now();
    const sent = await t.call('chat.send', { connectionId: conn.id, text: 'hello?' });
    const failed = await t.finished(sent.assistantMessage.id);
    expect(failed.status).toBe('error');
    expect(failed.error?.code).toBe('connect_timeout');
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  it('Chromium path: a reachable server is not held up, and is probed once for many requests', async () => {
    let probes = 0;
    const limited = withConnectLimit(fetch, {
      limitMs: 1_000,
      hopFor: async (url) => firstHop(url, { mode: 'none', url: null, username: '', password: '', bypassLocal: false }),
      probe: async (hop, ms) => {
        probes += 1;
        return (await import('../../electron/services/network/connect-limit')).probeHop(hop, ms);
      },
    });
    for (let i = 0; i < 3; i++) expect((await limited(`${fixture.baseUrl}/models`, { headers: { authorization: 'Bearer sk-x' } })).status).toBe(200);
    expect(probes).toBe(1);
  });

  it('Node path: a SOCKS5 proxy with credentials that never answers fails as a connect timeout', async () => {
    const silent = await silentServer();
    await desktopCore();
    await t.call('prefs.setTimeouts', { timeouts: { connectMs: 1_000 } });
    const started = Date.now();
    const failed = await chatThrough(manual(`socks5://127.0.0.1:${silent.port}`, 'ferry'), 'pw');
    expect(failed.status).toBe('error');
    expect(failed.error?.code).toBe('connect_timeout');
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(chromiumSaw).toEqual([]);
  });
});
