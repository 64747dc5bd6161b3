import { join } from 'node:path';
import Database from 'libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../fixture';
import type { AssistantFields } from '../../shared/schemas';
import { filesContaining } from '../e2e/support/files';
import type { TestCore } from './support/test-core';
import { useSyncedDevices } from './support/sync-devices';
import type { WebDavServer } from './support/webdav-server';

const PASSPHRASE = 'assistants travel too';
const devices = useSyncedDevices(PASSPHRASE);
let dav: WebDavServer;
let a: TestCore;
let b: TestCore;
let fixture: FixtureServer;
beforeAll(async () => {
  ({ dav, a, b } = devices);
  fixture = await startFixtureServer();
});
afterAll(() => fixture?.close());

const REVIEWER: AssistantFields = {
  name: '代码审查员',
  avatar: '🧐',
  systemPrompt: 'Review my code like a strict senior engineer: secret-prompt-omega.',
  connectionId: null,
  model: 'gpt-4o',
  temperature: 0.2,
  topP: 0.9,
  maxTokens: 4000,
  reasoningEffort: 'high',
  contextMessages: 10,
};

const mine = async (t: TestCore) => ({
  assistants: (await t.call('assistants.list', { language: 'en' })).assistants.filter((x) => !x.builtin),
  prompts: (await t.call('prompts.list', { language: 'en' })).filter((x) => !x.builtin),
});

describe('sync carries assistants and saved prompts', () => {
  it('an assistant and a prompt made on one device, edited and deleted on the other, converge (encrypted on the server)', async () => {
    const reviewer = await a.call('assistants.save', REVIEWER);
    const prompt = await a.call('prompts.save', { title: '润色', body: '请润色下面这段话：{{selection}}' });
    expect((await a.call('sync.now', {})).code).toBe('ok');
    expect((await b.call('sync.now', {})).code).toBe('ok');
    expect(await mine(b)).toEqual(await mine(a));
    expect((await mine(b)).assistants).toEqual([expect.objectContaining({ id: reviewer.id, ...REVIEWER })]);
    expect(filesContaining(dav.dir, 'secret-prompt-omega')).toEqual([]);

    // Edited on B, the prompt deleted on B, a second assistant made on A meanwhile.
    await b.call('assistants.save', { ...REVIEWER, id: reviewer.id, name: 'Reviewer (edited on B)', temperature: 0.7 });
    await b.call('prompts.delete', { id: prompt.id });
    const writer = await a.call('assistants.save', { ...REVIEWER, name: 'Writer', systemPrompt: 'Write.' });
    await Promise.all([a.call('sync.now', {}), b.call('sync.now', {})]);
    await a.call('sync.now', {});
    await b.call('sync.now', {});
    const onA = await mine(a);
    expect(onA).toEqual(await mine(b));
    expect(onA.assistants.map((x) => [x.id, x.name, x.temperature]).sort()).toEqual(
      [
        [reviewer.id, 'Reviewer (edited on B)', 0.7],
        [writer.id, 'Writer', REVIEWER.temperature],
      ].sort(),
    );
    expect(onA.prompts).toEqual([]);
  });

  it('a chat started from an assistant keeps that assistant on the other device', async () => {
    const helper = await a.call('assistants.save', { ...REVIEWER, name: 'Helper' });
    const conn = await a.call('connections.save', { name: 'Fixture', baseUrl: fixture.url, model: 'fixture-model' });
    await a.call('connections.setKey', { id: conn.id, key: 'sk-sync-assistants', storage: 'session' });
    const sent = await a.call('chat.send', { connectionId: conn.id, assistantId: helper.id, text: 'Hello from an assistant' });
    await a.finished(sent.assistantMessage.id);
    expect((await a.call('sync.now', {})).code).toBe('ok');
    expect((await b.call('sync.now', {})).code).toBe('ok');
    const db = new Database(join(b.dataDir, 'ferry.db'), { readonly: true });
    try {
      expect(db.prepare('SELECT assistant_id FROM conversations WHERE id = ?').get(sent.conversation.id)).toMatchObject({ assistant_id: helper.id });
    } finally {
      db.close();
    }
    expect((await b.call('conversations.get', { id: sent.conversation.id })).messages.map((m) => m.content)).toContain('Hello from an assistant');
  });

  it('the last result is still shown after a restart', async () => {
    const last = await b.call('sync.now', {});
    expect(last.code).toBe('ok');
    await b.restart();
    const view = await b.call('sync.get', {});
    expect(view.status).toMatchObject({ running: false, code: 'ok', lastRunAt: last.lastRunAt, lastSuccessAt: last.lastSuccessAt });
  });
});
