/**
 * Test connection through the proxy the form names, with the proxy password typed in the form and
 * not saved (SOCKS5 with a password: simple-socks, portable).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ProxyConfig } from '../../shared/schemas';
import type { FixtureServer } from '../fixture';
import { startSocks, type SocksProxy } from './support/proxies';
import type { TestCore } from './support/test-core';
import { withFixtureAndCore } from './support/with-fixture-and-core';

let fixture: FixtureServer;
let t: TestCore;
withFixtureAndCore((f) => (fixture = f), (c) => (t = c));

let socks: SocksProxy | null = null;
afterEach(async () => {
  await socks?.close();
  socks = null;
});

const KEY = 'sk-through-socks-4242';
const PASSWORD = 's0cks-typed-pass';
const viaSocks = (url: string): ProxyConfig => ({ mode: 'manual', url, username: 'ferry', bypassLocal: false });

describe('Test connection with a proxy password typed in the form', () => {
  it('goes through the proxy with the typed password, and keeps it nowhere', async () => {
    socks = await startSocks({ username: 'ferry', password: PASSWORD });
    fixture.configure({ requireKey: KEY });
    const draft = { name: 'Through SOCKS', baseUrl: fixture.baseUrl, model: 'fixture-model', proxy: viaSocks(socks.url) };
    const report = await t.call('connections.testDraft', { draft, key: KEY, proxyPassword: PASSWORD });
    expect(report.ok).toBe(true);
    expect(socks.destinations.some((d) => d.port === fixture.port)).toBe(true);
    expect(socks.authFailures).toBe(0);
    expect(JSON.stringify(report)).not.toContain(PASSWORD);
    // Nothing saved: no connection, no password in the vault.
    expect(await t.call('connections.list', {})).toEqual([]);
  });

  it('a saved connection is tested with the typed password, not the one saved before', async () => {
    socks = await startSocks({ username: 'ferry', password: PASSWORD });
    fixture.configure({ requireKey: KEY });
    const saved = await t.call('connections.save', { name: 'Saved', baseUrl: fixture.baseUrl, model: 'fixture-model', proxy: viaSocks(socks.url) });
    await t.call('connections.setKey', { id: saved.id, key: KEY, storage: 'session' });
    await t.call('proxy.setPassword', { scope: saved.id, password: 'an-old-wrong-one' });
    const draft = { id: saved.id, name: 'Saved', baseUrl: fixture.baseUrl, model: 'fixture-model', proxy: viaSocks(socks.url) };

    const withSaved = await t.call('connections.testDraft', { draft });
    expect(withSaved.ok).toBe(false);
    expect(socks.authFailures).toBeGreaterThan(0);

    const failuresBefore = socks.authFailures;
    const withTyped = await t.call('connections.testDraft', { draft, proxyPassword: PASSWORD });
    expect(withTyped.ok).toBe(true);
    expect(socks.authFailures).toBe(failuresBefore);
    // The saved password is still the old one: testing saved nothing.
    const again = await t.call('connections.testDraft', { draft });
    expect(again.ok).toBe(false);
  });
});
