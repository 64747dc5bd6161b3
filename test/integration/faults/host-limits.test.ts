/**
 * The built browser host under a low file-descriptor limit (`prlimit --nofile`), on a disk that
 * fills, and on a read-only data folder: it keeps answering, stores what it can, sends nothing
 * without its key, and still ends on SIGTERM within a few seconds.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../electron/services/storage/sqlite-engine';
import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../fixture';
import type { KeyringSession } from '../../harness/keyring-session';
import { startHost, type HostUnderTest } from './support/host-client';
import { withPrivateKeyringAndFixture } from './support/keyring-and-fixture';
import { dbFacts } from './support/db-facts';
import { readOnlyView, smallDisk, type ReadOnlyView, type SmallDisk } from './support/mounts';

const KEY = `sk-limits-${Date.now()}-Lm4t`;
const EXIT_LIMIT_MS = 8_000;
/** Low enough to reach within a few dozen leaked sockets: the idle host holds about 30. */
const FD_LIMIT = 64;

let session: KeyringSession;
let fixture: FixtureServer;
let host: HostUnderTest | null = null;
let disk: SmallDisk | null = null;
let view: ReadOnlyView | null = null;
const temp: string[] = [];

withPrivateKeyringAndFixture(KEY, (s) => (session = s), (f) => (fixture = f));
afterEach(async () => {
  await host?.kill();
  host = null;
  disk?.free();
  disk?.unmount();
  disk = null;
  view?.unmount();
  view = null;
  for (const dir of temp.splice(0)) rmSync(dir, { recursive: true, force: true });
  fixture.reset();
  fixture.configure({ requireKey: KEY });
});

const SERVICE = `ferry-limits-${process.pid}-${Date.now()}`;
const env = () => ({ DBUS_SESSION_BUS_ADDRESS: session.busAddress, FERRY_KEYCHAIN_SERVICE: SERVICE });
const openFds = (pid: number) => readdirSync(`/proc/${pid}/fd`).length;
const chats = () => fixture.requests.filter((r) => r.path.endsWith('/chat/completions'));

async function withKey(h: HostUnderTest): Promise<string> {
  const saved = await h.call('connections.save', { name: 'Fixture', baseUrl: fixture.baseUrl, model: 'fixture-model' });
  await h.call('connections.setKey', { id: saved.id, key: KEY, storage: 'keychain' });
  await h.call('connections.select', { id: saved.id });
  return saved.id;
}

async function sigtermExit(h: HostUnderTest): Promise<number> {
  const sent = Date.now();
  h.signal('SIGTERM');
  const end = await Promise.race([
    h.exited,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still running after SIGTERM:\n${h.output()}`)), EXIT_LIMIT_MS)),
  ]);
  return end.at - sent;
}

async function answer(h: HostUnderTest, text: string): Promise<string> {
  const sent = await h.call('chat.send', { text });
  await h.waitForEvent((e) => e.name === 'chat.end' && e.payload.message.id === sent.assistantMessage.id, 20_000);
  return sent.assistantMessage.id;
}

const facts = (dbFile: string) => {
  const { integrity, answersDone, messages } = dbFacts(dbFile);
  return { integrity, done: answersDone, messages };
};

describe('the browser host under faults', () => {
  it(`runs for hours' worth of key reads, sends and settings changes under a ${FD_LIMIT}-descriptor limit`, { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ferry-nofile-'));
    temp.push(dataDir);
    host = await startHost(dataDir, env(), { wrap: ['prlimit', `--nofile=${FD_LIMIT}:${FD_LIMIT}`] });
    const h = host;
    await withKey(h);
    fixture.configure({ text: 'Short and sweet.' });
    await answer(h, 'warm up');
    const baseline = openFds(h.pid);
    for (let round = 0; round < 40; round++) {
      // Every list reads the key from the keychain; before the fix each read kept a socket open.
      for (let i = 0; i < 20; i++) expect((await h.call('connections.list', {}))[0]!.key).toMatchObject({ set: true, last4: 'Lm4t' });
      await h.call('prefs.set', { theme: round % 2 ? 'dark' : 'light' });
      await answer(h, `question ${round}`);
    }
    expect(openFds(h.pid) - baseline).toBeLessThanOrEqual(6);
    expect(chats()).toHaveLength(41);
    expect(chats().every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    expect(await sigtermExit(h)).toBeLessThan(EXIT_LIMIT_MS);
    expect(facts(join(dataDir, 'ferry.db'))).toEqual({ integrity: 'ok', done: 41, messages: 82 });
  });

  it('stays responsive on a full disk and ends on SIGTERM with the stored history intact', { timeout: 60_000 }, async () => {
    disk = smallDisk(2048);
    const dataDir = join(disk.dir, 'Ferry');
    mkdirSync(dataDir);
    host = await startHost(dataDir, env());
    const h = host;
    await withKey(h);
    fixture.configure({ text: 'Stored.' });
    await answer(h, 'before');
    const before = facts(join(dataDir, 'ferry.db'));
    fixture.configure({ text: 'A long answer that does not fit any more. '.repeat(25), repeat: 20, chunkDelayMs: 1 });
    const sent = await h.call('chat.send', { text: 'while the disk fills' });
    await h.waitForEvent((e) => e.name === 'chat.delta' && e.payload.messageId === sent.assistantMessage.id);
    const db = openDatabase(join(dataDir, 'ferry.db'));
    db.exec('PRAGMA busy_timeout = 2000');
    db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get();
    db.close();
    disk.fill();
    await h.waitForEvent((e) => e.name === 'message.saveState' && e.payload.problem === 'full', 20_000);
    // Still answering while the stream runs into a full disk.
    expect((await h.call('app.info', {})).database?.storage).toMatchObject({ writable: false, problem: 'full' });
    expect(await h.call('conversations.list', {})).toHaveLength(2);
    expect(await sigtermExit(h)).toBeLessThan(EXIT_LIMIT_MS);
    disk.free();
    const after = facts(join(dataDir, 'ferry.db'));
    // The finished conversation is intact; the interrupted answer's row is there (its text as far as it got).
    expect(after).toMatchObject({ integrity: 'ok', done: before.done });
    expect(after.messages).toBe(before.messages + 2);
  });

  it('stays responsive on a read-only data folder and ends on SIGTERM', { timeout: 60_000 }, async () => {
    const source = mkdtempSync(join(tmpdir(), 'ferry-ro-host-'));
    temp.push(source);
    const first = await startHost(source, env());
    await withKey(first);
    fixture.configure({ text: 'Kept.' });
    await answer(first, 'stored');
    await sigtermExit(first);
    view = readOnlyView(source);
    host = await startHost(view.dir, env());
    const h = host;
    expect((await h.call('app.info', {})).database?.storage).toMatchObject({ writable: false, readOnly: true });
    expect(await h.dispatch('chat.send', { text: 'not stored' })).toMatchObject({ ok: false, error: { code: 'storage_read_only' } });
    expect(chats()).toHaveLength(1);
    expect(await sigtermExit(h)).toBeLessThan(EXIT_LIMIT_MS);
    expect(facts(join(source, 'ferry.db'))).toEqual({ integrity: 'ok', done: 1, messages: 2 });
  });
});
