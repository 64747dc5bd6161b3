import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../fixture';
import type { ProxyConfig } from '../../shared/schemas';
import { startSocks, startTinyproxy, type SocksProxy, type Tinyproxy } from './support/proxies';
import type { TestCore } from './support/test-core';
import { withFixtureAndCore } from './support/with-fixture-and-core';

let fixture: FixtureServer;
let t: TestCore;
withFixtureAndCore((f) => (fixture = f), (c) => (t = c));

const manual = (url: string, extra: Partial<ProxyConfig> = {}): ProxyConfig => ({ mode: 'manual', url, username: '', bypassLocal: false, ...extra });

async function connection(proxy: ProxyConfig | null = null) {
  const conn = await t.call('connections.save', { name: 'F', baseUrl: fixture.baseUrl, model: 'fixture-model', proxy });
  await t.call('connections.setKey', { id: conn.id, key: 'sk-proxied-1234', storage: 'keychain' });
  return conn;
}

/** Chat, model list and connection test: every upstream request follows the proxy. */
async function useEverything(id: string) {
  const report = await t.call('connections.test', { id });
  await t.call('connections.models', { id, refresh: true });
  const sent = await t.call('chat.send', { text: 'through the proxy' });
  const done = await t.finished(sent.assistantMessage.id);
  return { report, done };
}

describe('HTTP proxy (tinyproxy)', () => {
  let tiny: Tinyproxy | undefined;
  afterEach(async () => {
    await tiny?.stop();
    tiny = undefined;
  });

  it('carries chat, the model list and the test, as the proxy log shows', async () => {
    tiny = await startTinyproxy();
    await t.call('prefs.setProxy', { proxy: manual(tiny.url) });
    const conn = await connection();
    const { report, done } = await useEverything(conn.id);
    expect(report).toMatchObject({ ok: true, proxy: `http://127.0.0.1:${tiny.port}` });
    expect(done.status).toBe('done');
    const target = `127.0.0.1:${fixture.port}`;
    // Tunnelled (CONNECT) and kept alive: the proxy opens the upstream connection and carries every request over it.
    expect(tiny.log()).toContain(`opening connection to ${target}`);
    expect(tiny.log()).toMatch(new RegExp(`CONNECT 127\\.0\\.0\\.1:${fixture.port}`));
  });

  it('is bypassed for loopback when bypass is on', async () => {
    tiny = await startTinyproxy();
    await t.call('prefs.setProxy', { proxy: manual(tiny.url, { bypassLocal: true }) });
    const conn = await connection();
    const { report, done } = await useEverything(conn.id);
    expect(report.ok).toBe(true);
    expect(report.proxy).toBe('direct (local address)');
    expect(done.status).toBe('done');
    expect(tiny.log()).not.toContain('opening connection');
    expect(fixture.requests.length).toBeGreaterThanOrEqual(3);
  });

  it('with Basic auth: the password from the keychain works, and a missing one reads as "proxy needs auth"', async () => {
    tiny = await startTinyproxy({ username: 'ferry', password: 'pr0xy-pass' });
    const conn = await connection(manual(tiny.url, { username: 'ferry' }));
    const refused = await t.call('connections.test', { id: conn.id });
    expect(refused.failure?.code).toBe('proxy_auth');
    // Chat through the same proxy without the password: the answer fails as proxy_auth, not as a generic error.
    const blocked = await t.call('chat.send', { text: 'without the proxy password' });
    const failed = await t.finished(blocked.assistantMessage.id);
    expect(failed.status).toBe('error');
    expect(failed.error?.code).toBe('proxy_auth');
    expect(fixture.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(0);

    await t.call('proxy.setPassword', { scope: conn.id, password: 'pr0xy-pass' });
    expect((await t.call('connections.list', {}))[0]?.proxyPasswordSet).toBe(true);
    const { report, done } = await useEverything(conn.id);
    expect(report.ok).toBe(true);
    expect(done.status).toBe('done');
    expect(JSON.stringify(report)).not.toContain('pr0xy-pass');
    expect(tiny.log()).toContain(`opening connection to 127.0.0.1:${fixture.port}`);
  });

  it('a proxy that is not listening reads as "proxy refused"', async () => {
    // Not a stopped proxy's port: another test's server may take it again before the probe
    // connects, which then waits for an answer instead of being refused. Nothing listens on port 1.
    const conn = await connection(manual('http://127.0.0.1:1'));
    const report = await t.call('connections.test', { id: conn.id });
    expect(report.failure?.code).toBe('proxy_refused');
    expect(report.steps.at(-1)).toMatchObject({ step: 'proxy', ok: false });
  });
});

describe('SOCKS5 proxy', () => {
  let socks: SocksProxy;
  afterEach(() => socks.close());

  it('carries every request, as the proxy saw them', async () => {
    socks = await startSocks();
    const conn = await connection(manual(socks.url));
    const { report, done } = await useEverything(conn.id);
    expect(report.ok).toBe(true);
    expect(done.status).toBe('done');
    expect(socks.destinations.filter((d) => d.port === fixture.port).length).toBeGreaterThanOrEqual(1);
  });

  it('with username and password', async () => {
    socks = await startSocks({ username: 'ferry', password: 's0cks-pass' });
    const conn = await connection(manual(socks.url, { username: 'ferry' }));
    await t.call('proxy.setPassword', { scope: conn.id, password: 'wrong' });
    expect((await t.call('connections.test', { id: conn.id })).failure?.code).toBe('proxy_auth');
    expect(socks.authFailures).toBeGreaterThan(0);

    await t.call('proxy.setPassword', { scope: conn.id, password: 's0cks-pass' });
    const { report, done } = await useEverything(conn.id);
    expect(report.ok).toBe(true);
    expect(done.status).toBe('done');
    expect(socks.destinations.some((d) => d.port === fixture.port)).toBe(true);
  });

  it('loopback bypasses it when bypass is on', async () => {
    socks = await startSocks();
    const conn = await connection(manual(socks.url, { bypassLocal: true }));
    const { report } = await useEverything(conn.id);
    expect(report.ok).toBe(true);
    expect(socks.destinations).toHaveLength(0);
  });
});
