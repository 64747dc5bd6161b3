/**
 * The update check through the real core, router, network and proxy path, against a local generic
 * feed (a mirror folder) serving fake release descriptions: newer, older, malformed, an HTML page, 404,
 * offline, and through tinyproxy. Downloading and installing need electron-updater inside a packaged
 * app; here a recording installer stands in, to prove the order: download only when asked, never
 * install without the user's "Restart and install", history snapshot first.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../shared/schemas';
import { channelFile } from '../../electron/services/updates/feed';
import type { UpdateInstaller } from '../../electron/services/updates/update-service';
import { startTinyproxy, type Tinyproxy } from './support/proxies';
import { startTestCore, type TestCore } from './support/test-core';
import { latestYml, startFeedServer, type FeedServer } from './support/update-feed';

const FILE = `/ferry/${channelFile(process.platform, process.arch)}`;
let feed: FeedServer;
let t: TestCore;
let proxy: Tinyproxy | null = null;
beforeEach(async () => {
  feed = await startFeedServer();
});
afterEach(async () => {
  await t?.dispose();
  await feed.close();
  await proxy?.stop();
  proxy = null;
});

async function coreWithMirror(version = '0.1.0', installer: UpdateInstaller | null = null) {
  t = await startTestCore(undefined, { version, updates: { installer, autoDelayMs: 50 } });
  await t.call('updates.setPrefs', { feed: 'mirror', mirrorUrl: feed.url });
  return t;
}

describe('checking a generic feed (a mirror)', () => {
  it('finds a newer version, with notes and where to get it by hand', async () => {
    feed.serve(FILE, { body: latestYml('0.2.0') });
    await coreWithMirror('0.1.0');
    const status = await t.call('updates.check', {});
    expect(status).toMatchObject({ state: 'available', version: '0.2.0', currentVersion: '0.1.0', releaseNotes: 'Faster search.', downloadPage: feed.url, canInstall: false });
    expect(feed.requests).toEqual([FILE]);
    expect(t.events.filter((e) => e.name === 'updates.changed').map((e) => (e.payload as UpdateStatus).state)).toEqual(['idle', 'checking', 'available']);
  });

  it('says up to date for the same or an older version', async () => {
    await coreWithMirror('0.2.0');
    for (const version of ['0.2.0', '0.1.5']) {
      feed.serve(FILE, { body: latestYml(version) });
      expect(await t.call('updates.check', {})).toMatchObject({ state: 'up-to-date', version });
    }
  });

  it('explains a malformed description, a web page, a missing release, and an unreachable feed', async () => {
    await coreWithMirror('0.1.0');
    feed.serve(FILE, { body: 'version: [0.2' });
    expect(await t.call('updates.check', {})).toMatchObject({ state: 'error', error: { code: 'malformed' } });
    feed.serve(FILE, { body: '<html><body>Mirror maintenance</body></html>', contentType: 'text/html' });
    expect(await t.call('updates.check', {})).toMatchObject({ state: 'error', error: { code: 'malformed', message: expect.stringMatching(/web page/) } });
    feed.serve(FILE, { status: 404, body: 'Not Found' });
    expect(await t.call('updates.check', {})).toMatchObject({ state: 'error', error: { code: 'http', message: expect.stringMatching(/404/) } });
    await feed.close();
    expect(await t.call('updates.check', {})).toMatchObject({ state: 'error', error: { code: 'offline' } });
  });

  it('refuses a plain-http mirror on the internet before sending anything', async () => {
    t = await startTestCore(undefined, { version: '0.1.0' });
    const status = await t.call('updates.setPrefs', { feed: 'mirror', mirrorUrl: 'http://mirror.example.cn/ferry/' });
    expect(status.prefs.mirrorUrl).toBe('http://mirror.example.cn/ferry/');
    expect(await t.call('updates.check', {})).toMatchObject({ state: 'error', error: { code: 'invalid_url' } });
  });

  it('goes through the app’s proxy setting, as the proxy’s own log shows', async () => {
    feed.serve(FILE, { body: latestYml('0.3.0') });
    proxy = await startTinyproxy();
    await coreWithMirror('0.1.0');
    await t.call('prefs.setProxy', { proxy: { mode: 'manual', url: proxy.url, username: '', bypassLocal: false } });
    expect(await t.call('updates.check', {})).toMatchObject({ state: 'available', version: '0.3.0' });
    // The proxy opened the connection to the feed (undici tunnels with CONNECT even for http://).
    expect(proxy.log()).toContain(`CONNECT ${new URL(feed.url).host}`);
    expect(feed.requests).toEqual([FILE]);
  });

  it('a proxy that wants credentials it was not given reads as a proxy problem', async () => {
    feed.serve(FILE, { body: latestYml('0.3.0') });
    proxy = await startTinyproxy({ username: 'ferry', password: 'pw' });
    await coreWithMirror('0.1.0');
    await t.call('prefs.setProxy', { proxy: { mode: 'manual', url: proxy.url, username: '', bypassLocal: false } });
    expect(await t.call('updates.check', {})).toMatchObject({ state: 'error', error: { code: 'proxy' } });
    expect(feed.requests).toEqual([]);
  });
});

describe('automatic checks', () => {
  it('are off until the user turns them on; then the first runs by itself', async () => {
    feed.serve(FILE, { body: latestYml('0.2.0') });
    await coreWithMirror('0.1.0');
    await new Promise((r) => setTimeout(r, 300));
    expect(feed.requests).toEqual([]);
    const on = await t.call('updates.setPrefs', { autoCheck: true });
    expect(on.prefs.autoCheck).toBe(true);
    await t.waitForEvent((e) => e.name === 'updates.changed' && (e.payload as UpdateStatus).state === 'available', 5_000);
    expect(feed.requests).toEqual([FILE]);
  });

  it('the choice and the mirror survive a restart (updates.json in the data folder)', async () => {
    await coreWithMirror('0.1.0');
    await t.call('updates.setPrefs', { autoCheck: true });
    await t.restart();
    expect((await t.call('updates.status', {})).prefs).toEqual({ autoCheck: true, feed: 'mirror', mirrorUrl: feed.url });
    expect(existsSync(join(t.dataDir, 'updates.json'))).toBe(true);
  });
});

describe('downloading and installing (recording installer)', () => {
  function recordingInstaller() {
    const calls: string[] = [];
    let finish!: () => void;
    const installer: UpdateInstaller = {
      download(location, version, onProgress) {
        calls.push(`download ${version} from ${location.baseUrl}`);
        onProgress(12.7);
        onProgress(55);
        return new Promise<void>((resolve) => (finish = resolve));
      },
      quitAndInstall: () => void calls.push('quitAndInstall'),
    };
    return { installer, calls, finish: () => finish() };
  }

  it('downloads in the background with progress, installs only on consent, after a history snapshot', async () => {
    feed.serve(FILE, { body: latestYml('0.2.0') });
    const rec = recordingInstaller();
    await coreWithMirror('0.1.0', rec.installer);
    // Some history to snapshot.
    await t.call('conversations.list', {});
    expect((await t.call('updates.check', {})).canInstall).toBe(true);
    expect(rec.calls).toEqual([]);
    // Install before anything is downloaded does nothing.
    expect((await t.call('updates.install', {})).state).toBe('available');

    expect((await t.call('updates.download', {})).state).toBe('downloading');
    await t.waitForEvent((e) => e.name === 'updates.changed' && (e.payload as UpdateStatus).percent === 55);
    expect(rec.calls).toEqual([`download 0.2.0 from ${feed.url}`]);
    rec.finish();
    await t.waitForEvent((e) => e.name === 'updates.changed' && (e.payload as UpdateStatus).state === 'downloaded');
    // Downloaded, and still nothing installs or restarts by itself.
    await new Promise((r) => setTimeout(r, 200));
    expect(rec.calls).toEqual([`download 0.2.0 from ${feed.url}`]);

    await t.call('updates.install', {});
    expect(rec.calls.at(-1)).toBe('quitAndInstall');
    const backups = readdirSync(join(t.dataDir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^ferry-v\d+-\d{8}T\d{9}Z\.db$/);
    // The recovery screen offers it like a pre-migration copy.
    expect((await t.call('app.info', {})).database?.backups.map((b) => b.file)).toEqual(backups);
  });

  it('a failed download is reported and can be retried; the installer is never run', async () => {
    feed.serve(FILE, { body: latestYml('0.2.0') });
    const calls: string[] = [];
    await coreWithMirror('0.1.0', {
      download: async () => {
        calls.push('download');
        throw new Error('sha512 checksum mismatch');
      },
      quitAndInstall: () => void calls.push('quitAndInstall'),
    });
    await t.call('updates.check', {});
    await t.call('updates.download', {});
    const failed = await t.waitForEvent((e) => e.name === 'updates.changed' && (e.payload as UpdateStatus).state === 'error');
    expect((failed.payload as UpdateStatus).error).toEqual({ code: 'download_failed', message: 'sha512 checksum mismatch' });
    expect(await t.call('updates.install', {})).toMatchObject({ state: 'error' });
    expect(calls).toEqual(['download']);
  });
});
