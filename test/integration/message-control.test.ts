import { describe, expect, it } from 'vitest';
import { activePath } from '../../shared/message-tree';
import type { FixtureServer } from '../fixture';
import { sentTurns } from '../fixture/content-parts';
import { sampleImage } from '../support/sample-files';
import type { TestCore } from './support/test-core';
import { withFixtureAndCore } from './support/with-fixture-and-core';

let fixture: FixtureServer;
let t: TestCore;
withFixtureAndCore((f) => (fixture = f), (c) => (t = c));

async function connect() {
  const conn = await t.call('connections.save', { name: 'Fixture', baseUrl: fixture.url, model: 'fixture-model' });
  await t.call('connections.setKey', { id: conn.id, key: 'sk-control-test', storage: 'session' });
}

/** Three question/answer rounds, finished. */
async function threeRounds() {
  await connect();
  const first = await t.call('chat.send', { text: 'Q1' });
  await t.finished(first.assistantMessage.id);
  const id = first.conversation.id;
  const second = await t.call('chat.send', { conversationId: id, text: 'Q2' });
  await t.finished(second.assistantMessage.id);
  const third = await t.call('chat.send', { conversationId: id, text: 'Q3' });
  await t.finished(third.assistantMessage.id);
  return { id, first, second, third };
}

const pathContents = async (id: string) => {
  const detail = await t.call('conversations.get', { id });
  return activePath(detail.messages, detail.conversation.activeLeafId).map((m) => m.content.slice(0, 12));
};

describe('every message under control', () => {
  it('deletes a message with its branch, survives a search, and undo brings it back exactly', async () => {
    const { id, second } = await threeRounds();
    const before = await t.call('conversations.get', { id });
    expect((await t.call('search.query', { text: 'Q3' })).groups).toHaveLength(1);
    const removed = await t.call('messages.delete', { messageId: second.userMessage.id });
    expect(removed.deletedIds).toHaveLength(4);
    expect(await pathContents(id)).toEqual(['Q1', before.messages[1]!.content.slice(0, 12)]);
    // Gone from search too.
    expect((await t.call('search.query', { text: 'Q3' })).groups).toHaveLength(0);

    const restored = await t.call('messages.restore', { undoToken: removed.undoToken });
    expect(restored.messages).toHaveLength(4);
    const after = await t.call('conversations.get', { id });
    expect(after.messages).toEqual(before.messages);
    expect(after.conversation.activeLeafId).toBe(before.conversation.activeLeafId);
    // An undo works once.
    expect(await t.core.router.dispatch('messages.restore', { undoToken: removed.undoToken })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('deleting the branch on screen lands on its sibling; deleting the first message empties the conversation', async () => {
    const { id, third } = await threeRounds();
    const again = await t.call('chat.regenerate', { messageId: third.assistantMessage.id });
    await t.finished(again.assistantMessage.id);
    const removed = await t.call('messages.delete', { messageId: again.assistantMessage.id });
    expect(removed.conversation.activeLeafId).toBe(third.assistantMessage.id);

    const detail = await t.call('conversations.get', { id });
    const root = detail.messages.find((m) => m.parentId === null)!;
    const all = await t.call('messages.delete', { messageId: root.id });
    expect(all.conversation.activeLeafId).toBeNull();
    expect((await t.call('conversations.get', { id })).messages).toEqual([]);
    await t.call('messages.restore', { undoToken: all.undoToken });
    expect((await t.call('conversations.get', { id })).messages).toHaveLength(6);
  });

  it('edits an answer as a sibling, and the edit is what the next request sends', async () => {
    const { id, third } = await threeRounds();
    const original = (await t.call('conversations.get', { id })).messages.find((m) => m.id === third.assistantMessage.id)!.content;
    expect(original.length).toBeGreaterThan(0);
    const edited = await t.call('messages.editAnswer', { messageId: third.assistantMessage.id, text: 'A corrected answer.' });
    expect(edited.message).toMatchObject({ parentId: third.userMessage.id, role: 'assistant', status: 'done', content: 'A corrected answer.' });
    expect(edited.conversation.activeLeafId).toBe(edited.message.id);
    const detail = await t.call('conversations.get', { id });
    // The original is kept.
    expect(detail.messages.find((m) => m.id === third.assistantMessage.id)?.content).toBe(original);
    const next = await t.call('chat.send', { conversationId: id, text: 'Q4' });
    await t.finished(next.assistantMessage.id);
    const sent = sentTurns(fixture.requests.filter((r) => r.path === '/v1/chat/completions').at(-1)!.body);
    expect(sent.at(-2)).toMatchObject({ role: 'assistant', text: 'A corrected answer.' });
    // A question is not edited in place.
    expect(await t.core.router.dispatch('messages.editAnswer', { messageId: third.userMessage.id, text: 'x' })).toMatchObject({ ok: false });
  });

  it('forks from any message into a new conversation with the path, settings and attachments', async () => {
    await connect();
    const { uploadId } = await t.call('attachments.begin', { name: 'pic.png', type: 'image/png', size: (await sampleImage('png', 64, 64)).length });
    const bytes = await sampleImage('png', 64, 64);
    await t.call('attachments.chunk', { uploadId, index: 0, data: bytes.toString('base64') });
    const pic = await t.call('attachments.finish', { uploadId });
    const first = await t.call('chat.send', { text: 'Look at this', attachments: [{ id: pic.id, name: pic.name }] });
    await t.finished(first.assistantMessage.id);
    await t.call('conversations.updateSettings', { id: first.conversation.id, settings: { systemPrompt: 'Be brief.' } });
    const second = await t.call('chat.send', { conversationId: first.conversation.id, text: 'Then this' });
    await t.finished(second.assistantMessage.id);

    const fork = await t.call('conversations.fork', { messageId: first.assistantMessage.id, title: 'Fork of Look at this' });
    expect(fork.id).not.toBe(first.conversation.id);
    expect(fork.title).toBe('Fork of Look at this');
    const detail = await t.call('conversations.get', { id: fork.id });
    expect(detail.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(detail.messages[0]!.attachments?.[0]).toMatchObject({ id: pic.id, name: 'pic.png' });
    expect(detail.settings.systemPrompt).toBe('Be brief.');
    // The fork goes on by itself; the original is untouched.
    const onFork = await t.call('chat.send', { conversationId: fork.id, text: 'Only in the fork' });
    await t.finished(onFork.assistantMessage.id);
    expect((await t.call('conversations.get', { id: first.conversation.id })).messages).toHaveLength(4);
    const sent = sentTurns(fixture.requests.filter((r) => r.path === '/v1/chat/completions').at(-1)!.body);
    expect(sent.map((s) => s.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(sent[1]!.images).toHaveLength(1);
  });
});
