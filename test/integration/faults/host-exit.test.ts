/**
 * The browser host (the built `web.cjs`) ends on SIGTERM / SIGINT / SIGHUP within a few seconds
 * whatever the keychain is doing, writes the answers that were streaming (marked interrupted), and
 * a second signal ends it at once. A private D-Bus + gnome-keyring per file, hung on purpose.
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../electron/services/storage/sqlite-engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../fixture';
import type { KeyringSession } from '../../harness/keyring-session';
import { startHost, type HostUnderTest } from './support/host-client';
import { withPrivateKeyringAndFixture } from './support/keyring-and-fixture';

const KEY = `sk-exit-${Date.now()}-Wp3e`;
/** "A few seconds": the host's own limit is 4 s plus a second for the keychain thread. */
const EXIT_LIMIT_MS = 8_000;

let session: KeyringSession;
let fixture: FixtureServer;
let dataDir: string;
let host: HostUnderTest | null = null;

withPrivateKeyringAndFixture(KEY, (s) => (session = s), (f) => (fixture = f));
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'ferry-exit-'));
  fixture.reset();
  fixture.configure({ requireKey: KEY });
});
afterEach(async () => {
  session.signalKeyring('SIGCONT');
  process.kill(session.busPid, 'SIGCONT');
  await host?.kill();
  host = null;
  rmSync(dataDir, { recursive: true, force: true });
});

async function hostWithKey(): Promise<HostUnderTest> {
  host = await startHost(dataDir, { DBUS_SESSION_BUS_ADDRESS: session.busAddress, FERRY_KEYCHAIN_SERVICE: `ferry-exit-${process.pid}-${Date.now()}` });
  const saved = await host.call('connections.save', { name: 'Fixture', baseUrl: fixture.baseUrl, model: 'fixture-model' });
  await host.call('connections.setKey', { id: saved.id, key: KEY, storage: 'keychain' });
  return host;
}

async function exitAfter(h: HostUnderTest, signal: NodeJS.Signals): Promise<{ ms: number; code: number | null; signal: NodeJS.Signals | null }> {
  const sent = Date.now();
  h.signal(signal);
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`host still running ${EXIT_LIMIT_MS} ms after ${signal}:\n${h.output()}`)), EXIT_LIMIT_MS),
  );
  const end = await Promise.race([h.exited, timeout]);
  return { ms: end.at - sent, code: end.code, signal: end.signal };
}

const rows = (sql: string) => {
  const db = openDatabase(join(dataDir, 'ferry.db'), { readonly: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
};

describe('the browser host ends on a signal whatever the keychain is doing', () => {
  it('SIGTERM while a key read waits on a SIGSTOPped keyring daemon', { timeout: 40_000 }, async () => {
    const h = await hostWithKey();
    session.signalKeyring('SIGSTOP');
    const send = h.dispatch('chat.send', { text: 'stuck on the key' });
    await new Promise((r) => setTimeout(r, 300));
    const end = await exitAfter(h, 'SIGTERM');
    expect(end.ms).toBeLessThan(EXIT_LIMIT_MS);
    void send.catch(() => {});
    expect(fixture.requests.filter((r) => r.path.endsWith('/chat/completions'))).toEqual([]);
  });

  it('SIGINT while the keychain thread is stuck for ever on a bus that never answers (a hard exit, after the history is closed)', { timeout: 40_000 }, async () => {
    // Accepts the connection and never says a word: the thread blocks inside libdbus with no timeout.
    const silent = createServer(() => {}).listen(join(dataDir, 'silent-bus.sock'));
    await once(silent, 'listening');
    const busCalled = once(silent, 'connection');
    try {
      host = await startHost(dataDir, { DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dataDir, 'silent-bus.sock')}` });
      const h = host;
      // The page asks for app.info first; its keychain probe is what gets stuck. Signal only once the
      // keychain thread has reached the bus (a fixed pause was too short on a loaded machine).
      const info = h.dispatch('app.info', {});
      await busCalled;
      await new Promise((r) => setTimeout(r, 200));
      const end = await exitAfter(h, 'SIGINT');
      void info.catch(() => {});
      expect(end.ms).toBeLessThan(EXIT_LIMIT_MS);
      expect(h.output()).toMatch(/stopped in \d+ ms.*the keychain thread is stuck/);
      expect(end.signal).toBe('SIGKILL');
      expect(rows('PRAGMA integrity_check')).toEqual([expect.objectContaining({ integrity_check: 'ok' })]);
    } finally {
      silent.close();
    }
  });
});

describe('every shutdown path keeps what was streaming', () => {
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    it(`${signal} while two answers stream: both partial answers are stored, marked interrupted`, { timeout: 40_000 }, async () => {
      const h = await hostWithKey();
      fixture.configure({ text: 'Streaming word by word. ', repeat: 400, chunkDelayMs: 20 });
      const one = await h.call('chat.send', { text: 'first long answer' });
      const two = await h.call('chat.send', { text: 'second long answer' });
      for (const id of [one.assistantMessage.id, two.assistantMessage.id]) {
        await h.waitForEvent((e) => e.name === 'chat.delta' && e.payload.messageId === id);
      }
      await new Promise((r) => setTimeout(r, 400));
      const end = await exitAfter(h, signal);
      expect(end).toMatchObject({ code: 0 });
      const stored = rows(`SELECT id, status, length(content) AS chars FROM messages WHERE role = 'assistant'`);
      for (const id of [one.assistantMessage.id, two.assistantMessage.id]) {
        const row = stored.find((r) => r.id === id);
        expect(row).toMatchObject({ status: 'interrupted' });
        expect(Number(row!.chars)).toBeGreaterThan(0);
      }
      expect(rows('PRAGMA integrity_check')).toEqual([expect.objectContaining({ integrity_check: 'ok' })]);
    });
  }

  it('a second signal ends the process at once, even while the first is still waiting on the keychain', { timeout: 40_000 }, async () => {
    const h = await hostWithKey();
    session.signalKeyring('SIGSTOP');
    void h.dispatch('connections.list', {}).catch(() => {});
    await new Promise((r) => setTimeout(r, 300));
    h.signal('SIGTERM');
    // Later than a library's echo of the signal (see electron/web/signals.ts), sooner than the first stop ends.
    await new Promise((r) => setTimeout(r, 450));
    const end = await exitAfter(h, 'SIGTERM');
    expect(h.output()).toMatch(/SIGTERM again: exiting now/);
    expect(h.output()).not.toMatch(/stopped in/);
    expect(end.ms).toBeLessThan(1_500);
  });
});
