import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../electron/services/sync/sync-engine';
import { openSyncStore } from '../../electron/services/sync/sync-store';
import { createWebDavClient } from '../../electron/services/sync/webdav-client';
import { chatGptBranchingConversation, chatGptLinearConversation } from '../fixture/data/chatgpt';
import { filesContaining } from '../e2e/support/files';
import { importChatGpt as importJson, visibleHistory as history } from './support/sync-history';
import { startTestCore, type TestCore } from './support/test-core';
import { useSyncedDevices } from './support/sync-devices';
import type { WebDavServer } from './support/webdav-server';

const PASSPHRASE = 'correct horse battery staple';
const devices = useSyncedDevices(PASSPHRASE);
let dav: WebDavServer;
let a: TestCore;
let b: TestCore;
beforeAll(() => void ({ dav, a, b } = devices));


describe('WebDAV sync between two data folders', () => {
  it('brings one device\'s history to the other, encrypted on the server', async () => {
    await importJson(a, 'one.json', [chatGptBranchingConversation('shared-conv'), chatGptLinearConversation('a-only', 3, 1_700_300_000, 'secret-word-alpha')]);
    const first = await a.call('sync.now', {});
    expect(first).toMatchObject({ code: 'ok', pushed: expect.any(Number) });
    expect(first.pushed).toBeGreaterThan(10);
    expect((await b.call('sync.now', {})).code).toBe('ok');
    expect(await history(b)).toEqual(await history(a));
    // The server holds only ciphertext.
    expect(filesContaining(dav.dir, 'secret-word-alpha')).toEqual([]);
    expect(filesContaining(dav.dir, 'Capitals and powers')).toEqual([]);
  });

  // The same conversation, edited on both devices before either syncs: A answers again and pins it,
  // B answers again and renames it. Every order the two runs can meet in must keep all four edits.
  const orders = {
    'B syncs first': async () => [await b.call('sync.now', {}), await a.call('sync.now', {})],
    'A syncs first': async () => [await a.call('sync.now', {}), await b.call('sync.now', {})],
    // A has read the server, B then syncs whole, and only then does A upload: neither run saw the other's file.
    'both read before either writes': async () => {
      const store = openSyncStore(join(a.dataDir, 'ferry.db'));
      const client = createWebDavClient({ url: `${dav.url}Ferry`, username: dav.user, password: dav.pass, fetch });
      let bRun: Promise<unknown> | null = null;
      const waitForB = { ...client, put: async (path: string, body: Uint8Array) => void (await (bRun ??= b.call('sync.now', {})), await client.put(path, body)) };
      try {
        const aRun = await runSync({ client: waitForB, store, passphrase: PASSPHRASE, now: Date.now });
        return [aRun, await bRun];
      } finally {
        store.close();
      }
    },
    'at the same moment': () => Promise.all([a.call('sync.now', {}), b.call('sync.now', {})]),
  };
  for (const [order, syncBoth] of Object.entries(orders)) {
    it(`concurrent edits on both devices keep both devices' changes and converge (${order})`, async () => {
      const source = `shared-${order.replace(/\W+/g, '-')}`;
      const known = new Set((await a.call('conversations.list', {})).map((c) => c.id));
      await importJson(a, `${source}.json`, [chatGptBranchingConversation(source)]);
      const id = (await a.call('conversations.list', {})).find((c) => !known.has(c.id))?.id;
      expect(id).toBeTruthy();
      expect((await a.call('sync.now', {})).code).toBe('ok');
      expect((await b.call('sync.now', {})).code).toBe('ok');

      const onA = chatGptBranchingConversation(source);
      onA.mapping['a-extra'] = { id: 'a-extra', parent: 'u1', children: [], message: { id: 'a-extra', author: { role: 'assistant' }, create_time: 1_700_000_050, content: { content_type: 'text', parts: ['A third answer, written on device A'] }, metadata: {} } } as never;
      const onB = chatGptBranchingConversation(source);
      onB.mapping['b-extra'] = { id: 'b-extra', parent: 'u1', children: [], message: { id: 'b-extra', author: { role: 'assistant' }, create_time: 1_700_000_060, content: { content_type: 'text', parts: ['A fourth answer, written on device B'] }, metadata: {} } } as never;
      await importJson(a, `${source}-a.json`, [onA]);
      await a.call('conversations.pin', { id: id!, pinned: true });
      await importJson(b, `${source}-b.json`, [onB]);
      await b.call('conversations.rename', { id: id!, title: 'Renamed on B' });

      const runs = await syncBoth();
      runs.push(await a.call('sync.now', {}));
      runs.push(await b.call('sync.now', {}));
      const onDeviceA = await history(a);
      expect(onDeviceA, `sync runs: ${JSON.stringify(runs)}`).toEqual(await history(b));
      const [key, messages] = Object.entries(onDeviceA).find(([k]) => k.startsWith(id!))!;
      expect(key).toBe(`${id} Renamed on B`);
      expect(messages.join('\n')).toContain('A third answer, written on device A');
      expect(messages.join('\n')).toContain('A fourth answer, written on device B');
      for (const device of [a, b]) expect((await device.call('conversations.list', {})).find((c) => c.id === id)?.pinned).toBe(true);
    });
  }

  it('two devices syncing for the first time at the same moment agree on one key and read each other', async () => {
    const [c, d] = await Promise.all([startTestCore(), startTestCore()]);
    try {
      for (const device of [c, d]) await device.call('sync.save', { enabled: true, url: dav.url, username: dav.user, folder: 'Ferry-first', password: dav.pass, passphrase: PASSPHRASE });
      await importJson(c, 'c.json', [chatGptLinearConversation('first-c', 2, 1_700_500_000)]);
      await importJson(d, 'd.json', [chatGptLinearConversation('first-d', 2, 1_700_600_000)]);
      // C finds no key file; D then makes one and syncs whole before C writes its own.
      const client = createWebDavClient({ url: `${dav.url}Ferry-first`, username: dav.user, password: dav.pass, fetch });
      let dRun = null as ReturnType<typeof d.call<'sync.now'>> | null;
      const late = { ...client, put: async (...args: Parameters<typeof client.put>) => void (await (dRun ??= d.call('sync.now', {})), await client.put(...args)) };
      const store = openSyncStore(join(c.dataDir, 'ferry.db'));
      try {
        await runSync({ client: late, store, passphrase: PASSPHRASE, now: Date.now });
      } finally {
        store.close();
      }
      expect((await dRun)?.code).toBe('ok');
      const again = [await c.call('sync.now', {}), await d.call('sync.now', {})];
      expect(again.map((r) => [r.code, r.unreadableFiles])).toEqual([['ok', 0], ['ok', 0]]);
      const onC = await history(c);
      expect(Object.keys(onC)).toHaveLength(2);
      expect(onC).toEqual(await history(d));
    } finally {
      await c.dispose();
      await d.dispose();
    }
  });

  it('a sync killed at any request, then run again, converges', async () => {
    await importJson(a, 'more.json', Array.from({ length: 4 }, (_, i) => chatGptLinearConversation(`killed-${i}`, 2, 1_700_400_000 + i * 100)));
    const dbFile = join(a.dataDir, 'ferry.db');
    for (let dieAt = 1; dieAt <= 12; dieAt++) {
      let calls = 0;
      const dying = ((input: RequestInfo | URL, init?: RequestInit) => {
        if (++calls >= dieAt) return Promise.reject(new Error('process killed'));
        return fetch(input, init);
      }) as typeof fetch;
      const store = openSyncStore(dbFile);
      try {
        await runSync({ client: createWebDavClient({ url: `${dav.url}Ferry`, username: dav.user, password: dav.pass, fetch: dying }), store, passphrase: PASSPHRASE, now: Date.now }).catch(() => {});
      } finally {
        store.close();
      }
    }
    expect((await a.call('sync.now', {})).code).toBe('ok');
    expect((await b.call('sync.now', {})).code).toBe('ok');
    expect(await history(b)).toEqual(await history(a));
  });

  it('a third device joining later gets the whole merged history', async () => {
    const skewed = await startTestCore();
    try {
      await skewed.call('sync.save', { enabled: true, url: dav.url, username: dav.user, folder: 'Ferry', password: dav.pass, passphrase: PASSPHRASE });
      expect((await skewed.call('sync.now', {})).code).toBe('ok');
      expect(await history(skewed)).toEqual(await history(a));
    } finally {
      await skewed.dispose();
    }
  });

  it('wrong password, wrong passphrase and an unreachable server give a clear status and change nothing', async () => {
    const before = await history(b);
    await b.call('sync.save', { password: 'wrong' });
    expect((await b.call('sync.now', {})).code).toBe('unauthorized');
    await b.call('sync.save', { password: dav.pass, passphrase: 'a different passphrase' });
    expect((await b.call('sync.now', {})).code).toBe('wrong_passphrase');
    await b.call('sync.save', { passphrase: PASSPHRASE, url: 'http://127.0.0.1:1/' });
    expect((await b.call('sync.now', {})).code).toBe('offline');
    expect(await history(b)).toEqual(before);
    await b.call('sync.save', { url: dav.url });
    expect((await b.call('sync.now', {})).code).toBe('ok');
  });
});
