import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replyText, type FixtureServer } from '../fixture';
import type { TestCore } from './support/test-core';
import { withFixtureAndCore } from './support/with-fixture-and-core';

let fixture: FixtureServer;
let t: TestCore;
const KEY = `sk-flowtest-${Date.now()}-secretvalue`;
const setup = withFixtureAndCore((f) => (fixture = f), (c) => (t = c));

async function configure(storage: 'keychain' | 'session' = 'session') {
  const conn = await t.call('connections.save', { name: 'Fixture', baseUrl: fixture.url, model: 'fixture-model' });
  await t.call('connections.setKey', { id: conn.id, key: KEY, storage });
  return conn;
}

describe('chat through the core', () => {
  it('refuses to send without a connection, with a code the UI can explain', async () => {
    const result = await t.core.router.dispatch('chat.send', { text: 'hi' });
    expect(result).toMatchObject({ ok: false, error: { code: 'no_connection' } });
  });

  it('streams an answer into history and the UI, with the key sent only in the Authorization header', async () => {
    await configure();
    const sent = await t.call('chat.send', { text: '  Hello Ferry, how are you?  ' });
    expect(sent.conversation.title).toBe('Hello Ferry, how are you?');
    expect(sent.assistantMessage.status).toBe('streaming');

    const done = await t.finished(sent.assistantMessage.id);
    expect(done.status).toBe('done');
    expect(done.content).toBe(replyText(fixture.scenario));

    // The UI can rebuild the text from the deltas, in order, without gaps.
    const deltas = t.events.flatMap((e) => (e.name === 'chat.delta' && e.payload.messageId === done.id ? [e.payload] : []));
    let rebuilt = '';
    for (const d of deltas) {
      expect(d.offset).toBe(rebuilt.length);
      rebuilt += d.text;
    }
    expect(rebuilt).toBe(done.content);

    const request = fixture.requests.find((r) => r.path === '/v1/chat/completions')!;
    expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request.body).toMatchObject({ model: 'fixture-model', stream: true, messages: [{ role: 'user', content: 'Hello Ferry, how are you?' }] });

    const stored = await t.call('conversations.get', { id: sent.conversation.id });
    expect(stored.messages.map((m) => [m.role, m.status])).toEqual([
      ['user', 'done'],
      ['assistant', 'done'],
    ]);
    expect(stored.messages[1]!.parentId).toBe(stored.messages[0]!.id);
  });

  it('sends the earlier turns with the next question', async () => {
    await configure();
    const first = await t.call('chat.send', { text: 'first question' });
    await t.finished(first.assistantMessage.id);
    const second = await t.call('chat.send', { conversationId: first.conversation.id, text: 'second question' });
    await t.finished(second.assistantMessage.id);
    const last = fixture.requests.filter((r) => r.path === '/v1/chat/completions').at(-1)!;
    expect((last.body as { messages: { role: string }[] }).messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
  });

  it('Stop closes the upstream connection and keeps the partial answer, marked stopped', async () => {
    await configure();
    fixture.configure({ repeat: 50, chunkDelayMs: 20 });
    const sent = await t.call('chat.send', { text: 'long one please' });
    await t.waitForEvent((e) => e.name === 'chat.delta' && e.payload.messageId === sent.assistantMessage.id && e.payload.offset > 50);

    expect(await t.call('chat.stop', { messageId: sent.assistantMessage.id })).toEqual({ stopped: true });
    const stopped = await t.finished(sent.assistantMessage.id);
    const closed = await fixture.waitForClientClose(2_000);
    expect(closed.closedByClient).toBe(true);

    expect(stopped.status).toBe('stopped');
    expect(stopped.content.length).toBeGreaterThan(50);
    expect(replyText(fixture.scenario).startsWith(stopped.content)).toBe(true);
    const stored = await t.call('conversations.get', { id: sent.conversation.id });
    expect(stored.messages[1]).toMatchObject({ status: 'stopped', content: stopped.content });
    expect(await t.call('chat.stop', { messageId: sent.assistantMessage.id })).toEqual({ stopped: false });
  });

  it('writes a streaming answer to disk while it streams (at most ~500 ms behind)', async () => {
    await configure();
    fixture.configure({ repeat: 80, chunkDelayMs: 15 });
    const sent = await t.call('chat.send', { text: 'stream slowly' });
    await t.waitForEvent((e) => e.name === 'chat.delta' && e.payload.messageId === sent.assistantMessage.id && e.payload.offset > 200);
    await new Promise((r) => setTimeout(r, 600));
    const mid = (await t.call('conversations.get', { id: sent.conversation.id })).messages[1]!;
    expect(mid.status).toBe('streaming');
    expect(mid.content.length).toBeGreaterThan(200);
    await t.call('chat.stop', { messageId: sent.assistantMessage.id });
    await t.finished(sent.assistantMessage.id);
  });

  it('an upstream failure is stored on the message with the provider’s words and no key', async () => {
    await configure();
    fixture.configure({ requireKey: 'sk-some-other-key' });
    const sent = await t.call('chat.send', { text: 'will fail' });
    const failed = await t.finished(sent.assistantMessage.id);
    expect(failed.status).toBe('error');
    expect(failed.error).toMatchObject({ code: 'unauthorized', status: 401, path: '/v1/chat/completions' });
    expect(failed.error?.providerMessage).toContain('Incorrect API key');
    expect(JSON.stringify(failed)).not.toContain(KEY);
  });

  it('history survives a restart and reads without any network', async () => {
    await configure();
    const sent = await t.call('chat.send', { text: 'remember me' });
    await t.finished(sent.assistantMessage.id);
    await fixture.close();
    try {
      await t.restart();
      const list = await t.call('conversations.list', {});
      expect(list.map((c) => c.title)).toEqual(['remember me']);
      const stored = await t.call('conversations.get', { id: sent.conversation.id });
      expect(stored.messages[1]!.content).toBe(replyText(fixture.scenario));
    } finally {
      await setup.reopenFixture();
    }
  });

  it('rename and delete; deleting a streaming conversation stops its request', async () => {
    await configure();
    fixture.configure({ repeat: 50, chunkDelayMs: 20 });
    const sent = await t.call('chat.send', { text: 'to be deleted' });
    await t.waitForEvent((e) => e.name === 'chat.delta' && e.payload.messageId === sent.assistantMessage.id);
    const renamed = await t.call('conversations.rename', { id: sent.conversation.id, title: '新的标题' });
    expect(renamed.title).toBe('新的标题');
    await t.call('conversations.delete', { id: sent.conversation.id });
    expect((await fixture.waitForClientClose(2_000)).closedByClient).toBe(true);
    expect(await t.call('conversations.list', {})).toEqual([]);
    const missing = await t.core.router.dispatch('conversations.get', { id: sent.conversation.id });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('keeps the key in the keychain only: no file in the data folder holds it, no event carries it', async () => {
    const conn = await configure('keychain');
    const views = await t.call('connections.list', {});
    expect(views[0]!.key).toEqual({ set: true, storage: 'keychain', last4: KEY.slice(-4), unreadable: false });
    const sent = await t.call('chat.send', { text: 'secret check' });
    await t.finished(sent.assistantMessage.id);
    await t.restart(); // flush WAL and config to disk

    const files = readdirSync(t.dataDir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(join(f.parentPath, f.name)).includes(Buffer.from(KEY))).toBe(false);
    expect(JSON.stringify(t.events)).not.toContain(KEY);
    expect(t.logLines.join('\n')).not.toContain(KEY);

    // After the restart the key still comes from the keychain.
    expect((await t.call('connections.list', {}))[0]!.key.storage).toBe('keychain');
    await t.call('connections.clearKey', { id: conn.id });
    expect((await t.call('connections.list', {}))[0]!.key.set).toBe(false);
  });
});
