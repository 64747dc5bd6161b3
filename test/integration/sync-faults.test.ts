import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatGptBranchingConversation, chatGptLinearConversation } from '../fixture/data/chatgpt';
import { importChatGpt as importJson, visibleHistory as history } from './support/sync-history';
import { startTinyproxy, type Tinyproxy } from './support/proxies';
import { startTestCore, type TestCore } from './support/test-core';
import { startWebDavServer, type WebDavServer } from './support/webdav-server';

/** The faults a sync must survive beyond the basic ones in sync-webdav.test.ts: a clock hours off, a full server, a proxy. */

const PASSPHRASE = 'faults passphrase 42';
const HOUR = 3_600_000;

const setUp = (t: TestCore, dav: WebDavServer, folder: string) =>
  t.call('sync.save', { enabled: true, url: dav.url, username: dav.user, folder, password: dav.pass, passphrase: PASSPHRASE });

/**
 * Runs `fn` with this process's clock moved by `offsetMs`: the device whose calls run inside it
 * writes every timestamp (edits, deletions) hours off, as a computer with a wrong clock does.
 */
async function onClock<T>(offsetMs: number, fn: () => Promise<T>): Promise<T> {
  const real = Date.now;
  Date.now = () => real() + offsetMs;
  try {
    return await fn();
  } finally {
    Date.now = real;
  }
}

describe('sync between two computers whose clocks differ by hours', () => {
  let dav: WebDavServer;
  let a: TestCore;
  let b: TestCore;
  beforeAll(async () => {
    dav = await startWebDavServer();
    [a, b] = await Promise.all([startTestCore(), startTestCore()]);
    await setUp(a, dav, 'skew');
    await onClock(-6 * HOUR, () => setUp(b, dav, 'skew'));
  }, 60_000);
  afterAll(async () => {
    await a?.dispose();
    await b?.dispose();
    await dav?.stop();
  });

  it('the edit made later wins on both, whatever its timestamp says; deletions and new rows arrive too', async () => {
    await importJson(a, 'a.json', [chatGptBranchingConversation('skew-shared'), chatGptLinearConversation('skew-doomed', 2, 1_700_500_000)]);
    expect((await a.call('sync.now', {})).code).toBe('ok');
    const behind = await onClock(-6 * HOUR, () => b.call('sync.now', {}));
    expect(behind.code).toBe('ok');
    const shared = (await a.call('conversations.list', {})).find((c) => c.title === 'Capitals and powers')!;
    const doomed = (await a.call('conversations.list', {})).find((c) => c.title.includes('skew-doomed'))!;

    // A renames first; B, six hours behind, renames afterwards (its timestamp is the older one).
    await a.call('conversations.rename', { id: shared.id, title: 'Renamed on A' });
    expect((await a.call('sync.now', {})).code).toBe('ok');
    await onClock(-6 * HOUR, async () => {
      expect((await b.call('sync.now', {})).code).toBe('ok');
      await b.call('conversations.rename', { id: shared.id, title: 'Renamed on B, later' });
      await b.call('conversations.delete', { id: doomed.id });
      await importJson(b, 'b.json', [chatGptLinearConversation('skew-from-b', 2, 1_700_600_000)]);
      expect((await b.call('sync.now', {})).code).toBe('ok');
    });
    expect((await a.call('sync.now', {})).code).toBe('ok');
    const onA = await history(a);
    expect(onA).toEqual(await onClock(-6 * HOUR, () => history(b)));
    expect(Object.keys(onA)).toContain(`${shared.id} Renamed on B, later`);
    expect(Object.keys(onA).some((k) => k.startsWith(doomed.id))).toBe(false);
    expect(Object.keys(onA).some((k) => k.includes('skew-from-b'))).toBe(true);
  });

  it('a computer hours ahead does not win over a later edit made elsewhere', async () => {
    const shared = (await a.call('conversations.list', {})).find((c) => c.title === 'Renamed on B, later')!;
    // A is now 9 hours ahead of real time, B still 6 hours behind: 15 hours apart.
    await onClock(9 * HOUR, () => a.call('conversations.rename', { id: shared.id, title: 'From the clock in the future' }));
    expect((await onClock(9 * HOUR, () => a.call('sync.now', {}))).code).toBe('ok');
    await onClock(-6 * HOUR, async () => {
      expect((await b.call('sync.now', {})).code).toBe('ok');
      await b.call('conversations.rename', { id: shared.id, title: 'Made last, by the slow clock' });
      expect((await b.call('sync.now', {})).code).toBe('ok');
    });
    expect((await onClock(9 * HOUR, () => a.call('sync.now', {}))).code).toBe('ok');
    const titleOn = async (t: TestCore) => (await t.call('conversations.list', {})).find((c) => c.id === shared.id)?.title;
    expect(await titleOn(a)).toBe('Made last, by the slow clock');
    expect(await titleOn(b)).toBe('Made last, by the slow clock');
  });
});

describe('a server whose quota is full', () => {
  let mount: string;
  let dav: WebDavServer;
  let a: TestCore;
  let b: TestCore;
  beforeAll(async () => {
    mount = mkdtempSync(join(tmpdir(), 'ferry-quota-'));
    try {
      // 1 MiB of space: the first upload of the history below does not fit.
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount], { stdio: 'pipe' });
    } catch (error) {
      throw new Error(`the full-quota test needs a small tmpfs (mount -t tmpfs, as root): ${String((error as { stderr?: Buffer }).stderr ?? error)}`);
    }
    dav = await startWebDavServer({ dir: mount });
    [a, b] = await Promise.all([startTestCore(), startTestCore()]);
    await setUp(a, dav, 'quota');
    await setUp(b, dav, 'quota');
  }, 60_000);
  afterAll(async () => {
    await a?.dispose();
    await b?.dispose();
    await dav?.stop();
    if (mount) {
      execFileSync('umount', [mount]);
      rmSync(mount, { recursive: true, force: true });
    }
  });

  it('says the server is full, loses nothing, and converges once there is room', async () => {
    // Text that gzip cannot shrink: about 2 MB of it (each conversation's two messages share theirs).
    const conversations = Array.from({ length: 300 }, (_, i) => chatGptLinearConversation(`quota-${i}`, 1, 1_700_700_000 + i * 100, randomBytes(6_000).toString('base64')));
    await importJson(a, 'big.json', conversations);
    const before = await history(a);
    const full = await a.call('sync.now', {});
    expect(full.code).toBe('quota');
    expect(await history(a)).toEqual(before);
    // The other computer sees nothing half-written.
    const other = await b.call('sync.now', {});
    expect(other.code === 'ok' || other.code === 'quota').toBe(true);
    expect(other.unreadableFiles).toBe(0);
    expect(await history(b)).toEqual({});

    // The user frees space (here: a bigger quota); the next runs converge.
    execFileSync('mount', ['-o', 'remount,size=64m', mount]);
    expect((await a.call('sync.now', {})).code).toBe('ok');
    expect((await b.call('sync.now', {})).code).toBe('ok');
    expect(await history(b)).toEqual(before);
    // 2 MB through encryption and WebDAV several times: slow on a busy shared machine, not stuck.
  }, 60_000);
});

describe('sync through the app\'s HTTP proxy', () => {
  let dav: WebDavServer;
  let tiny: Tinyproxy;
  let a: TestCore;
  beforeAll(async () => {
    [dav, tiny, a] = await Promise.all([startWebDavServer(), startTinyproxy(), startTestCore()]);
    await setUp(a, dav, 'proxied');
  }, 60_000);
  afterAll(async () => {
    await a?.dispose();
    await tiny?.stop();
    await dav?.stop();
  });

  it('WebDAV requests go through the proxy set in Settings › Network; with the proxy gone, sync says offline', async () => {
    await importJson(a, 'p.json', [chatGptBranchingConversation('proxied-conv')]);
    await a.call('prefs.setProxy', { proxy: { mode: 'manual', url: tiny.url, username: '', bypassLocal: false } });
    const result = await a.call('sync.now', {});
    expect(result).toMatchObject({ code: 'ok' });
    expect(result.pushed).toBeGreaterThan(0);
    const port = new URL(dav.url).port;
    // undici tunnels through the proxy (CONNECT), so the proxy sees the server, not each request.
    expect(tiny.log()).toMatch(new RegExp(`CONNECT 127\\.0\\.0\\.1:${port}`));

    await tiny.stop();
    const offline = await a.call('sync.now', {});
    expect(offline.code).toBe('offline');
  });
});

describe('a data folder copied to another computer (two folders, one device id)', () => {
  let dav: WebDavServer;
  let a: TestCore;
  let copy: TestCore;
  let b: TestCore;
  beforeAll(async () => {
    dav = await startWebDavServer();
    [a, b] = await Promise.all([startTestCore(), startTestCore()]);
    await setUp(a, dav, 'copied');
    await setUp(b, dav, 'copied');
  }, 60_000);
  afterAll(async () => {
    await a?.dispose();
    await copy?.dispose();
    await b?.dispose();
    await dav?.stop();
  });

  it('the copy notices, takes an id of its own, and both folders\' later edits reach everyone', async () => {
    await importJson(a, 'a.json', [chatGptBranchingConversation('copied-shared')]);
    expect((await a.call('sync.now', {})).code).toBe('ok');
    // The user copies the whole data folder to a new computer (Ferry closed meanwhile).
    await a.core.shutdown();
    const copiedDir = mkdtempSync(join(tmpdir(), 'ferry-copied-'));
    cpSync(a.dataDir, copiedDir, { recursive: true });
    await a.restart();
    copy = await startTestCore(copiedDir);
    // Its keychain is the new computer's: the secrets are typed again there.
    await copy.call('sync.save', { password: dav.pass, passphrase: PASSPHRASE });
    const id = (await a.call('sync.get', {})).deviceId;
    expect((await copy.call('sync.get', {})).deviceId).toBe(id);

    const shared = (await a.call('conversations.list', {}))[0]!;
    await a.call('conversations.rename', { id: shared.id, title: 'Renamed on the original' });
    expect((await a.call('sync.now', {})).code).toBe('ok');
    await importJson(copy, 'c.json', [chatGptLinearConversation('written-on-the-copy', 2, 1_700_800_000)]);
    const first = await copy.call('sync.now', {});
    expect(first).toMatchObject({ code: 'ok', rekeyed: true });
    expect((await copy.call('sync.get', {})).deviceId).not.toBe(id);
    // Later runs are ordinary.
    expect((await copy.call('sync.now', {})).rekeyed).toBe(false);
    expect((await a.call('sync.now', {})).code).toBe('ok');
    expect((await b.call('sync.now', {})).code).toBe('ok');

    const everywhere = await history(b);
    expect(await history(a)).toEqual(everywhere);
    expect(await history(copy)).toEqual(everywhere);
    expect(Object.keys(everywhere)).toContain(`${shared.id} Renamed on the original`);
    expect(Object.keys(everywhere).some((k) => k.includes('written-on-the-copy'))).toBe(true);
  });
});
