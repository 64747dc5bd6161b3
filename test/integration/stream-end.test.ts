/**
 * The end of a streamed answer (`chat.end`) carries no text: the deltas before it did, and its
 * lengths let a client check it has all of it. A client that does not (it missed deltas, or started
 * listening mid-stream: a reloaded page, a second window) fetches the message with `messages.get`.
 * Over the real core: real SQLite, the real fixture server over HTTP/SSE.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { AnyEvent } from '../../shared/events';
import { replyText, type FixtureServer } from '../fixture';
import type { TestCore } from './support/test-core';
import { withFixtureAndCore } from './support/with-fixture-and-core';

let fixture: FixtureServer;
let t: TestCore;
withFixtureAndCore((f) => (fixture = f), (c) => (t = c));
beforeEach(async () => {
  const conn = await t.call('connections.save', { name: 'Fixture', baseUrl: fixture.url, model: 'fixture-model' });
  await t.call('connections.setKey', { id: conn.id, key: 'sk-stream-end-test', storage: 'session' });
});

const endOf = (events: AnyEvent[], messageId: string) =>
  events.flatMap((e) => (e.name === 'chat.end' && e.payload.message.id === messageId ? [e.payload] : []));

describe('the end of a streamed answer', () => {
  it('carries the finished state and the text’s lengths, not the text; the stored message has that text', async () => {
    fixture.configure({ text: 'A reply long enough to come in several deltas, 第二句也在这里。', repeat: 20, chunkDelayMs: 2 });
    const sent = await t.call('chat.send', { text: 'hello' });
    const id = sent.assistantMessage.id;
    const done = await t.finished(id);
    const text = replyText(fixture.scenario);
    expect(done).toMatchObject({ status: 'done', content: text });

    const [end, ...more] = endOf(t.events, id);
    expect(more).toEqual([]);
    expect(end).toMatchObject({ contentLength: text.length, reasoningLength: 0, message: { id, status: 'done', conversationId: sent.conversation.id } });
    expect(end!.message).not.toHaveProperty('content');
    expect(end!.message).not.toHaveProperty('reasoning');
    // No event carries the answer's text whole: only its deltas do.
    expect(t.events.some((e) => e.name === 'message.updated' && e.payload.id === id)).toBe(false);
    expect(t.events.filter((e) => e.name === 'chat.delta' && e.payload.messageId === id).length).toBeGreaterThan(1);

    expect(await t.call('messages.get', { messageId: id })).toEqual({ ...done, content: text, reasoning: '' });
  });

  it('counts the reasoning apart from the answer', async () => {
    fixture.configure({ mode: 'reasoning-content' });
    const sent = await t.call('chat.send', { text: 'think first' });
    const done = await t.finished(sent.assistantMessage.id);
    const [end] = endOf(t.events, done.id);
    expect(done.reasoning!.length).toBeGreaterThan(0);
    expect(end).toMatchObject({ contentLength: done.content.length, reasoningLength: done.reasoning!.length });
    expect(await t.call('messages.get', { messageId: done.id })).toMatchObject({ content: done.content, reasoning: done.reasoning });
  });

  it('of a stopped answer, and of its continuation: lengths count the whole text, from before the continuation too', async () => {
    fixture.configure({ repeat: 60, chunkDelayMs: 15 });
    const sent = await t.call('chat.send', { text: 'Long one' });
    const id = sent.assistantMessage.id;
    await t.waitForEvent((e) => e.name === 'chat.delta' && e.payload.messageId === id && e.payload.offset > 20);
    await t.call('chat.stop', { messageId: id });
    const stopped = await t.finished(id);
    expect(endOf(t.events, id)).toEqual([expect.objectContaining({ contentLength: stopped.content.length, message: expect.objectContaining({ status: 'stopped' }) })]);

    fixture.configure({ repeat: 1, chunkDelayMs: 0 });
    await t.call('chat.continue', { messageId: id });
    const done = await t.finished(id, stopped.updatedAt);
    expect(done.content).toBe(stopped.content + replyText(fixture.scenario));
    expect(endOf(t.events, id).at(-1)).toMatchObject({ contentLength: done.content.length, message: { status: 'done' } });
    expect((await t.call('messages.get', { messageId: id })).content).toBe(done.content);
  });

  it('a client that started listening mid-stream holds a prefix of the text, short of the lengths; messages.get gives it the whole text', async () => {
    fixture.configure({ text: 'Streaming on and on, one piece at a time. ', repeat: 30, chunkDelayMs: 3 });
    const sent = await t.call('chat.send', { text: 'a page that reloads' });
    const id = sent.assistantMessage.id;
    await t.waitForEvent((e) => e.name === 'chat.delta' && e.payload.messageId === id && e.payload.offset > 200);
    // The reloaded page (or a second window) starts from what is stored now, a little behind the deltas.
    const opened = (await t.call('conversations.get', { id: sent.conversation.id })).messages.find((m) => m.id === id)!;
    expect(opened.status).toBe('streaming');
    await t.finished(id);
    const text = replyText(fixture.scenario);
    const [end] = endOf(t.events, id);
    expect(end!.contentLength).toBe(text.length);
    // What the lengths check rests on: a copy the client got is the start of the answer, so only a
    // complete one has the announced length.
    expect(text.startsWith(opened.content)).toBe(true);
    expect(opened.content.length).toBeLessThan(end!.contentLength);
    expect(await t.call('messages.get', { messageId: id })).toMatchObject({ status: 'done', content: text });
  });

  it('messages.get refuses a message that does not exist or whose conversation is in the trash', async () => {
    expect(await t.core.router.dispatch('messages.get', { messageId: 'no-such-message' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const sent = await t.call('chat.send', { text: 'soon deleted' });
    await t.finished(sent.assistantMessage.id);
    await t.call('conversations.delete', { id: sent.conversation.id });
    expect(await t.core.router.dispatch('messages.get', { messageId: sent.assistantMessage.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
