import { describe, expect, it } from 'vitest';
import { replyText, startFixtureServer, type FixtureServer } from '../fixture';
import { activePath, buildThread } from '../../shared/message-tree';
import type { TestCore } from './support/test-core';
import { withFixtureAndCore } from './support/with-fixture-and-core';

let fixture: FixtureServer;
let t: TestCore;
withFixtureAndCore((f) => (fixture = f), (c) => (t = c));

async function connect(baseUrl = fixture.url, name = 'Fixture') {
  const conn = await t.call('connections.save', { name, baseUrl, model: 'fixture-model' });
  await t.call('connections.setKey', { id: conn.id, key: 'sk-branching-test', storage: 'session' });
  return conn;
}

/** The chat messages of the n-th completion request, without the system prompt. */
const sentTurns = (n: number) => {
  const chats = fixture.requests.filter((r) => r.path === '/v1/chat/completions');
  return (chats[n]?.body as { messages: { role: string; content: string }[] } | undefined)?.messages ?? [];
};

const sentBody = (n: number) => fixture.requests.filter((r) => r.path === '/v1/chat/completions')[n]?.body as Record<string, unknown>;

describe('message tree through the core', () => {
  it('regenerate adds a sibling answer, switching moves the active leaf, and only the active path goes upstream', async () => {
    await connect();
    const first = await t.call('chat.send', { text: 'Question one' });
    await t.finished(first.assistantMessage.id);

    const again = await t.call('chat.regenerate', { messageId: first.assistantMessage.id });
    expect(again.assistantMessage.parentId).toBe(first.userMessage.id);
    expect(again.conversation.activeLeafId).toBe(again.assistantMessage.id);
    await t.finished(again.assistantMessage.id);
    expect(sentTurns(1)).toEqual([{ role: 'user', content: 'Question one' }]);

    const id = first.conversation.id;
    let detail = await t.call('conversations.get', { id });
    const thread = buildThread(detail.messages, detail.conversation.activeLeafId);
    expect(thread.path.map((m) => m.id)).toEqual([first.userMessage.id, again.assistantMessage.id]);
    expect(thread.siblings.get(again.assistantMessage.id)).toMatchObject({ index: 1, count: 2, previousId: first.assistantMessage.id });

    // Follow-up on the second answer, then switch back to the first: its branch has no follow-up.
    const follow = await t.call('chat.send', { conversationId: id, text: 'Follow-up' });
    expect(follow.userMessage.parentId).toBe(again.assistantMessage.id);
    await t.finished(follow.assistantMessage.id);
    const switched = await t.call('conversations.switchBranch', { messageId: first.assistantMessage.id });
    expect(switched.activeLeafId).toBe(first.assistantMessage.id);
    // Switching back lands on the newest leaf under the second answer: the follow-up's answer.
    const back = await t.call('conversations.switchBranch', { messageId: again.assistantMessage.id });
    expect(back.activeLeafId).toBe(follow.assistantMessage.id);

    await t.call('conversations.switchBranch', { messageId: first.assistantMessage.id });
    const onFirst = await t.call('chat.send', { conversationId: id, text: 'On the first branch' });
    await t.finished(onFirst.assistantMessage.id);
    expect(sentTurns(3).map((m) => m.content)).toEqual(['Question one', replyText(fixture.scenario), 'On the first branch']);

    detail = await t.call('conversations.get', { id });
    expect(detail.messages).toHaveLength(7);
    expect(activePath(detail.messages, detail.conversation.activeLeafId).map((m) => m.id)).toEqual([
      first.userMessage.id,
      first.assistantMessage.id,
      onFirst.userMessage.id,
      onFirst.assistantMessage.id,
    ]);
  });

  it('edit adds a sibling user message with its own answer, keeping the old branch', async () => {
    await connect();
    const first = await t.call('chat.send', { text: 'Original question' });
    await t.finished(first.assistantMessage.id);
    const edited = await t.call('chat.edit', { messageId: first.userMessage.id, text: 'Better question' });
    expect(edited.userMessage.parentId).toBeNull();
    expect(edited.assistantMessage.parentId).toBe(edited.userMessage.id);
    await t.finished(edited.assistantMessage.id);
    expect(sentTurns(1)).toEqual([{ role: 'user', content: 'Better question' }]);

    const detail = await t.call('conversations.get', { id: first.conversation.id });
    const thread = buildThread(detail.messages, detail.conversation.activeLeafId);
    expect(thread.siblings.get(edited.userMessage.id)).toMatchObject({ index: 1, count: 2 });
    expect(detail.messages.find((m) => m.id === first.assistantMessage.id)?.status).toBe('done');

    const refused = await t.core.router.dispatch('chat.edit', { messageId: first.assistantMessage.id, text: 'x' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('continue appends to the stopped answer in place and sends the partial text as the last turn', async () => {
    await connect();
    fixture.configure({ repeat: 60, chunkDelayMs: 15 });
    const sent = await t.call('chat.send', { text: 'Long one' });
    await t.waitForEvent((e) => e.name === 'chat.delta' && e.payload.messageId === sent.assistantMessage.id && e.payload.offset > 20);
    await t.call('chat.stop', { messageId: sent.assistantMessage.id });
    const stopped = await t.finished(sent.assistantMessage.id);
    expect(stopped.status).toBe('stopped');

    fixture.configure({ repeat: 1, chunkDelayMs: 0 });
    const cont = await t.call('chat.continue', { messageId: stopped.id });
    expect(cont.message).toMatchObject({ id: stopped.id, status: 'streaming', content: stopped.content });
    const done = await t.finished(stopped.id, stopped.updatedAt);
    expect(done.status).toBe('done');
    expect(done.content).toBe(stopped.content + replyText(fixture.scenario));
    expect(sentTurns(1).at(-1)).toEqual({ role: 'assistant', content: stopped.content });
    // Deltas of the continuation count on from the stored text, so the UI appends without a gap.
    const firstContinued = t.events.find(
      (e) => e.name === 'chat.delta' && e.payload.messageId === stopped.id && e.payload.offset === stopped.content.length,
    );
    expect(firstContinued).toBeDefined();
  });

  it('sends the conversation settings: system prompt, context limit and parameters', async () => {
    await connect();
    const first = await t.call('chat.send', { text: 'One' });
    await t.finished(first.assistantMessage.id);
    const settings = await t.call('conversations.updateSettings', {
      id: first.conversation.id,
      settings: { systemPrompt: 'You are terse.', contextMessages: 1, temperature: 0.2, topP: 0.9, maxTokens: 50 },
    });
    expect(settings).toMatchObject({ contextMessages: 1, maxTokens: 50 });
    const second = await t.call('chat.send', { conversationId: first.conversation.id, text: 'Two' });
    await t.finished(second.assistantMessage.id);
    const body = fixture.requests.filter((r) => r.path === '/v1/chat/completions').at(-1)?.body as Record<string, unknown>;
    expect(body.messages).toEqual([
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Two' },
    ]);
    expect(body).toMatchObject({ temperature: 0.2, top_p: 0.9, max_tokens: 50 });
    expect((await t.call('conversations.get', { id: first.conversation.id })).settings.systemPrompt).toBe('You are terse.');
  });

  it('stores usage per answer and stops asking a connection that rejected stream_options', async () => {
    const conn = await connect();
    const first = await t.call('chat.send', { text: 'Count my tokens' });
    const done = await t.finished(first.assistantMessage.id);
    expect(done.usage).toMatchObject({ estimated: false });
    expect(done.usage!.completionTokens).toBeGreaterThan(0);
    expect(sentBody(0)).toHaveProperty('stream_options');

    fixture.configure({ rejectStreamOptions: true });
    const second = await t.call('chat.send', { conversationId: first.conversation.id, text: 'Again' });
    expect((await t.finished(second.assistantMessage.id)).status).toBe('done');
    expect((await t.call('prefs.get', {})).noStreamOptions).toEqual([conn.id]);
    // Remembered: the next request goes without it straight away.
    const count = fixture.requests.length;
    const third = await t.call('chat.send', { conversationId: first.conversation.id, text: 'Third' });
    expect((await t.finished(third.assistantMessage.id)).status).toBe('done');
    expect(fixture.requests.length).toBe(count + 1);
    expect(sentBody(fixture.requests.filter((r) => r.path === '/v1/chat/completions').length - 1)).not.toHaveProperty('stream_options');
  });

  it('streams two conversations at once without cross-talk', async () => {
    const other = await startFixtureServer();
    try {
      fixture.configure({ text: 'Alpha answer from server one. ', repeat: 30, chunkDelayMs: 5 });
      other.configure({ text: 'Beta answer from server two! ', repeat: 30, chunkDelayMs: 5 });
      const connA = await connect(fixture.url, 'A');
      const connB = await connect(other.url, 'B');
      const [a, b] = await Promise.all([
        t.call('chat.send', { connectionId: connA.id, text: 'to A' }),
        t.call('chat.send', { connectionId: connB.id, text: 'to B' }),
      ]);
      const [doneA, doneB] = await Promise.all([t.finished(a.assistantMessage.id), t.finished(b.assistantMessage.id)]);
      expect(doneA.content).toBe(replyText(fixture.scenario));
      expect(doneB.content).toBe(replyText(other.scenario));
      const stored = await t.call('conversations.get', { id: b.conversation.id });
      expect(stored.messages.find((m) => m.role === 'assistant')?.content).toBe(replyText(other.scenario));
      // Each stream's deltas rebuild exactly its own text.
      for (const done of [doneA, doneB]) {
        const text = t.events
          .flatMap((e) => (e.name === 'chat.delta' && e.payload.messageId === done.id && e.payload.part === 'content' ? [e.payload.text] : []))
          .join('');
        expect(text).toBe(done.content);
      }
    } finally {
      await other.close();
    }
  });
});
