/**
 * A disk that fills up and a data folder that turns read-only, for real: the data folder lives on a
 * 2 MB tmpfs that a filler file fills, or is seen through a read-only bind mount. Each case checks
 * what the UI is told (route errors, events, app.info), that nothing stored is lost (integrity
 * check, counts, bytes), and that the text that could not be written is written once there is room.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../electron/services/storage/sqlite-engine';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SaveState } from '../../../shared/schemas';
import { replyText, startFixtureServer, type FixtureServer } from '../../fixture';
import { startTestCore, type TestCore } from '../support/test-core';
import { dbFacts } from './support/db-facts';
import { readOnlyView, smallDisk, type SmallDisk } from './support/mounts';

/** About 1 KB of an answer, repeated into one far larger than SQLite's slack on the disk. */
const LONG = 'Every word counts, and every one of them must reach the disk in the end. '.repeat(14);

let fixture: FixtureServer;
let disk: SmallDisk | null = null;
let t: TestCore | null = null;

beforeAll(async () => {
  fixture = await startFixtureServer();
});
afterAll(() => fixture.close());
afterEach(async () => {
  disk?.free();
  await t?.core.shutdown();
  t = null;
  disk?.unmount();
  disk = null;
  fixture.reset();
});

const inspect = (dbFile: string) => {
  const { integrity, conversations, messages } = dbFacts(dbFile);
  return { integrity, conversations, messages };
};

/**
 * Fills the disk the way it fills on a busy machine: with SQLite's WAL small. (Space SQLite already
 * holds in its WAL file it reuses, so a disk filled after a burst of writes still takes some.)
 */
function fillDisk(dbFile: string): void {
  const db = openDatabase(dbFile);
  try {
    db.exec('PRAGMA busy_timeout = 2000');
    db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get();
  } finally {
    db.close();
  }
  disk!.fill();
}

async function coreOnDisk(): Promise<TestCore> {
  disk = smallDisk(2048);
  const dataDir = join(disk.dir, 'Ferry');
  mkdirSync(dataDir);
  t = await startTestCore(dataDir);
  const connection = await t.call('connections.save', { name: 'Fixture', baseUrl: fixture.baseUrl, model: 'fixture-model' });
  await t.call('connections.select', { id: connection.id });
  return t;
}

const saveStates = (core: TestCore, messageId: string): SaveState[] =>
  core.events.flatMap((e) => (e.name === 'message.saveState' && e.payload.messageId === messageId ? [e.payload] : []));

describe('the disk fills up', () => {
  it('while an answer streams: it keeps streaming, says how much is not saved, and writes it once there is room', { timeout: 60_000 }, async () => {
    const core = await coreOnDisk();
    fixture.configure({ text: 'Already safe.' });
    const calm = await core.call('chat.send', { text: 'stored before the disk fills' });
    await core.finished(calm.assistantMessage.id);
    const dbFile = join(core.dataDir, 'ferry.db');
    const before = inspect(dbFile);

    // Far larger than the slack SQLite has in its WAL file, so the full disk really refuses the writes.
    fixture.configure({ text: LONG, repeat: 150, chunkDelayMs: 0 });
    const sent = await core.call('chat.send', { text: 'a long answer' });
    const id = sent.assistantMessage.id;
    await core.waitForEvent((e) => e.name === 'chat.delta' && e.payload.messageId === id);
    fillDisk(dbFile);
    const finished = await core.finished(id, 0);
    // On screen it is complete: every delta arrived and the final state came from memory.
    expect(finished).toMatchObject({ status: 'done', content: replyText({ text: LONG, repeat: 150 }) });
    const pending = saveStates(core, id).at(-1)!;
    expect(pending).toMatchObject({ problem: 'full' });
    expect(pending.unsaved).toBeGreaterThan(0);
    expect(core.events.some((e) => e.name === 'storage.status' && !e.payload.writable && e.payload.problem === 'full')).toBe(true);
    expect((await core.call('app.info', {})).database?.storage).toMatchObject({ writable: false, problem: 'full' });

    // A window that missed deltas fetches the answer: it gets the text the disk has not taken yet.
    expect(await core.call('messages.get', { messageId: id })).toMatchObject({ status: 'done', content: replyText({ text: LONG, repeat: 150 }) });

    // "Try again" while still full: still pending, and said so.
    const stillFull = await core.call('storage.retry', {});
    expect(stillFull.pending).toEqual([expect.objectContaining({ messageId: id, problem: 'full' })]);

    disk!.free();
    const retried = await core.call('storage.retry', {});
    expect(retried.pending).toEqual([]);
    expect(retried.storage).toMatchObject({ writable: true });
    expect(saveStates(core, id).at(-1)).toMatchObject({ unsaved: 0, problem: null });
    // The write that finally took it tells the UI with the whole message (the retry path keeps message.updated).
    expect(core.events.filter((e) => e.name === 'message.updated' && e.payload.id === id).at(-1)).toMatchObject({
      payload: { status: 'done', content: replyText({ text: LONG, repeat: 150 }) },
    });
    await core.core.shutdown();
    const after = inspect(dbFile);
    expect(after).toEqual({ integrity: 'ok', conversations: before.conversations + 1, messages: before.messages + 2 });
    const stored = openDatabase(dbFile, { readonly: true });
    try {
      expect(stored.prepare('SELECT status, content FROM messages WHERE id = ?').get(id)).toMatchObject({
        status: 'done',
        content: replyText({ text: LONG, repeat: 150 }),
      });
    } finally {
      stored.close();
    }
  });

  it('the pending text is written by itself once space returns, without a click', { timeout: 60_000 }, async () => {
    const core = await coreOnDisk();
    fixture.configure({ text: LONG, repeat: 100, chunkDelayMs: 0 });
    const sent = await core.call('chat.send', { text: 'write me later' });
    const id = sent.assistantMessage.id;
    await core.waitForEvent((e) => e.name === 'chat.delta' && e.payload.messageId === id);
    fillDisk(join(core.dataDir, 'ferry.db'));
    await core.finished(id, 0);
    disk!.free();
    await core.waitForEvent((e) => e.name === 'message.saveState' && e.payload.messageId === id && e.payload.unsaved === 0, 20_000);
    expect(await core.call('conversations.get', { id: sent.conversation.id })).toMatchObject({
      messages: [expect.anything(), expect.objectContaining({ id, status: 'done', content: replyText({ text: LONG, repeat: 100 }) })],
    });
  });

  it('then a new chat: the send fails with "disk full" at once, nothing half-written, nothing sent', { timeout: 60_000 }, async () => {
    const core = await coreOnDisk();
    fixture.configure({ text: 'ok' });
    const first = await core.call('chat.send', { text: 'one' });
    await core.finished(first.assistantMessage.id);
    const before = await core.call('conversations.list', {});
    const requests = fixture.requests.length;
    disk!.fill();
    const refused = await core.core.router.dispatch('chat.send', { text: 'a new chat on a full disk' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage_full', details: { problem: 'full', what: 'history' } } });
    expect(await core.call('conversations.list', {})).toEqual(before);
    expect(fixture.requests.length).toBe(requests);
    // Reading goes on.
    expect((await core.call('conversations.get', { id: first.conversation.id })).messages).toHaveLength(2);
    disk!.free();
    const after = await core.call('chat.send', { text: 'space again' });
    await core.finished(after.assistantMessage.id);
  });

  it('then assistants, prompts and message control: each write fails as "disk full", raises the disk banner, and changes nothing', { timeout: 60_000 }, async () => {
    const core = await coreOnDisk();
    fixture.configure({ text: 'ok' });
    const first = await core.call('chat.send', { text: 'one' });
    await core.finished(first.assistantMessage.id);
    const dbFile = join(core.dataDir, 'ferry.db');
    fillDisk(dbFile);
    const assistant = { name: 'Helper', avatar: '🙂', systemPrompt: 'Be brief.', connectionId: null, model: null, temperature: null, topP: null, maxTokens: null, reasoningEffort: null, contextMessages: null };
    const writes = [
      ['assistants.save', assistant],
      ['prompts.save', { title: 'Summary', body: 'Summarise this.' }],
      ['messages.delete', { messageId: first.assistantMessage.id }],
      ['messages.editAnswer', { messageId: first.assistantMessage.id, text: 'edited' }],
      ['conversations.fork', { messageId: first.assistantMessage.id, title: 'Fork' }],
    ] as const;
    for (const [route, input] of writes) {
      core.events.length = 0;
      const result = await core.core.router.dispatch(route, input as never);
      expect(result, route).toMatchObject({ ok: false, error: { code: 'storage_full', details: { problem: 'full', what: 'history' } } });
      // The disk banner hears of it from the write itself (the holder knows these methods write).
      expect(core.events.some((e) => e.name === 'storage.status' && !e.payload.writable && e.payload.problem === 'full'), route).toBe(true);
      // So a later write counts as recovery: each case starts from "writable" again.
      disk!.free();
      expect((await core.call('conversations.rename', { id: first.conversation.id, title: 'one' })).title).toBe('one');
      fillDisk(dbFile);
    }
    disk!.free();
    expect(inspect(dbFile)).toEqual({ integrity: 'ok', conversations: 1, messages: 2 });
    expect((await core.call('prompts.list', { language: 'en' })).filter((p) => !p.builtin)).toEqual([]);
  });

  it('at start: the history opens, says the disk is full, and nothing is offered to restore', { timeout: 60_000 }, async () => {
    const core = await coreOnDisk();
    fixture.configure({ text: 'kept' });
    const sent = await core.call('chat.send', { text: 'before the restart' });
    await core.finished(sent.assistantMessage.id);
    await core.core.shutdown();
    disk!.fill();
    t = await startTestCore(core.dataDir);
    const info = await t.call('app.info', {});
    expect(info.database).toMatchObject({ ok: true, storage: { writable: false, problem: 'full' } });
    expect(await t.call('conversations.list', {})).toHaveLength(1);
    expect(await t.core.router.dispatch('chat.send', { text: 'no room' })).toMatchObject({ ok: false, error: { code: 'storage_full' } });
  });
});

describe('the data folder is read-only', () => {
  it('opens the history read-only: everything readable, every write refused as read-only, the file untouched', { timeout: 60_000 }, async () => {
    const writable = await startTestCore();
    const connection = await writable.call('connections.save', { name: 'Fixture', baseUrl: fixture.baseUrl, model: 'fixture-model' });
    fixture.configure({ text: 'Read me later.' });
    const sent = await writable.call('chat.send', { text: 'stored while writable', connectionId: connection.id });
    await writable.finished(sent.assistantMessage.id);
    await writable.core.shutdown();
    const dbFile = join(writable.dataDir, 'ferry.db');
    const hash = createHash('sha256').update(readFileSync(dbFile)).digest('hex');

    const view = readOnlyView(writable.dataDir);
    try {
      t = await startTestCore(view.dir);
      const info = await t.call('app.info', {});
      expect(info.database).toMatchObject({ ok: true, storage: { writable: false, readOnly: true, problem: 'read_only' } });
      expect((await t.call('conversations.get', { id: sent.conversation.id })).messages.map((m) => m.content)).toEqual([
        'stored while writable',
        'Read me later.',
      ]);
      const requests = fixture.requests.length;
      expect(await t.core.router.dispatch('chat.send', { text: 'cannot be stored', conversationId: sent.conversation.id })).toMatchObject({
        ok: false,
        error: { code: 'storage_read_only', details: { what: 'history' } },
      });
      expect(fixture.requests.length).toBe(requests);
      expect(await t.core.router.dispatch('conversations.pin', { id: sent.conversation.id, pinned: true })).toMatchObject({
        ok: false,
        error: { code: 'storage_read_only' },
      });
      expect(await t.core.router.dispatch('prefs.set', { theme: 'dark' })).toMatchObject({
        ok: false,
        error: { code: 'storage_read_only', details: { what: 'settings' } },
      });
      await t.core.shutdown();
      t = null;
    } finally {
      view.unmount();
    }
    expect(createHash('sha256').update(readFileSync(dbFile)).digest('hex')).toBe(hash);
    expect(inspect(dbFile)).toEqual({ integrity: 'ok', conversations: 1, messages: 2 });
    await writable.dispose();
  });
});
