import { describe, expect, it } from 'vitest';
import type { AnyEvent } from '../../shared/events';
import { EventBus } from '../../electron/core/event-bus';
import { createLogger } from '../../electron/core/logger';
import { DELTA_BATCH_MS, streamAnswer } from '../../electron/services/chat/answer-stream';
import { UnsavedAnswers } from '../../electron/services/chat/unsaved-answers';
import type { StreamChat } from '../../electron/services/upstream/types';
import { useStorageSandbox } from './storage-fixtures';

const sandbox = useStorageSandbox();

/** A scripted upstream: reasoning first, then the answer, then usage — as part A's reducer reports them. */
const scripted =
  (outcome: Awaited<ReturnType<StreamChat>>): StreamChat =>
  async ({ onDelta }) => {
    onDelta({ reasoning: 'Let me ' });
    onDelta({ reasoning: 'think.' });
    onDelta({ content: 'The answer' });
    onDelta({ content: ' is 42.', reasoning: '' });
    return outcome;
  };

function setup() {
  const history = sandbox.open();
  const events = new EventBus();
  const seen: AnyEvent[] = [];
  events.subscribe((e) => seen.push(e));
  const conversation = history.createConversation({ title: 't', connectionId: null, model: 'm' });
  const message = history.insertMessage({ conversationId: conversation.id, parentId: null, role: 'assistant', content: '', status: 'streaming', model: 'm' });
  let clock = 1000;
  const logger = createLogger(() => {});
  const unsaved = new UnsavedAnswers({ history, events, logger });
  const deps = (streamChat: StreamChat) => ({ history, events, streamChat, logger, unsaved, persistIntervalMs: 10, now: () => (clock += 700) });
  return { history, seen, message, deps };
}

const request = () => ({ baseUrl: 'http://x/v1', apiKey: '', model: 'm', messages: [], signal: new AbortController().signal });

describe('streamAnswer', () => {
  it('keeps reasoning apart from the answer, with its duration, usage and per-part delta offsets', async () => {
    const { history, seen, message, deps } = setup();
    const usage = { promptTokens: 10, completionTokens: 20, estimated: false };
    const result = await streamAnswer(deps(scripted({ kind: 'done', finishReason: 'stop', usage, streamOptionsRejected: true })), message, request());
    expect(result.streamOptionsRejected).toBe(true);
    const stored = history.getMessage(message.id)!;
    expect(stored).toMatchObject({ status: 'done', content: 'The answer is 42.', reasoning: 'Let me think.', reasoningMs: 700, usage });
    const deltas = seen.flatMap((e) => (e.name === 'chat.delta' ? [e.payload] : []));
    // Deltas may be joined in transit (at most one event per part per frame), but each part rebuilds
    // exactly from its own offsets, and the first piece is not held back.
    const rebuilt = { content: '', reasoning: '' };
    for (const d of deltas) {
      expect(d.offset).toBe(rebuilt[d.part].length);
      rebuilt[d.part] += d.text;
    }
    expect(rebuilt).toEqual({ content: 'The answer is 42.', reasoning: 'Let me think.' });
    expect(deltas[0]).toMatchObject({ part: 'reasoning', offset: 0, text: 'Let me ' });
  });

  it('a fast answer reaches the UI about 20 times a second, not once per upstream frame', async () => {
    const { history, seen, message, deps } = setup();
    // 500 tok/s: 40 characters every 20 ms, for one second. Each UI update costs the page a frame of
    // its own, so how often they go is what the renderer's cost follows (answer-stream.ts).
    const paced: StreamChat = async ({ onDelta }) => {
      for (let i = 0; i < 50; i++) {
        onDelta({ content: `${String(i).padStart(2, '0')}${'x'.repeat(38)}` });
        await new Promise((r) => setTimeout(r, 20));
      }
      return { kind: 'done', finishReason: 'stop', usage: null, streamOptionsRejected: false };
    };
    const started = performance.now();
    await streamAnswer(deps(paced), message, request());
    const elapsed = performance.now() - started;
    const deltas = seen.flatMap((e) => (e.name === 'chat.delta' && e.payload.part === 'content' ? [e.payload] : []));
    // At most one message per 48 ms window, plus the one that closes the answer. A busy machine only
    // stretches the stream (more time, as many windows), so the bound holds under load too.
    expect(DELTA_BATCH_MS).toBe(48);
    expect(deltas.length).toBeLessThanOrEqual(Math.floor(elapsed / 48) + 2);
    expect(deltas.map((d) => d.text).join('')).toBe(history.getMessage(message.id)!.content);
    expect(history.getMessage(message.id)!.content).toHaveLength(2_000);
  });

  it('adds a continuation to what the answer had, usage included', async () => {
    const { history, message, deps } = setup();
    history.finishMessage(message.id, { content: 'Before. ', status: 'stopped', error: null, reasoning: 'Earlier. ', usage: { promptTokens: 5, completionTokens: 5, estimated: true } });
    const reopened = history.reopenMessage(message.id)!;
    await streamAnswer(deps(scripted({ kind: 'aborted', usage: { promptTokens: 1, completionTokens: 2, estimated: false } })), reopened, request());
    expect(history.getMessage(message.id)).toMatchObject({
      status: 'stopped',
      content: 'Before. The answer is 42.',
      reasoning: 'Earlier. Let me think.',
      usage: { promptTokens: 6, completionTokens: 7, estimated: true },
    });
  });

  it('while streaming, the stored text is always the text so far: appended writes, a refused write, a failed one', async () => {
    const { history, message, deps } = setup();
    // The disk refuses (full) or the write fails otherwise, while `fail` says so.
    let fail: 'full' | 'other' | null = null;
    const calls: string[] = [];
    const failing = new Proxy(history, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (key !== 'appendMessageContent' && key !== 'updateMessageContent') return value;
        return (...args: unknown[]) => {
          calls.push(key);
          if (fail === 'full') throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
          if (fail === 'other') throw new Error('not a storage problem');
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const stored = () => {
      const m = history.getMessage(message.id)!;
      return { content: m.content, reasoning: m.reasoning };
    };
    const seen: Array<ReturnType<typeof stored>> = [];
    const step = async (onDelta: Parameters<StreamChat>[0]['onDelta'], delta: { content?: string; reasoning?: string }) => {
      onDelta(delta);
      // Past the 10 ms interval and its fallback timer: the write this delta made due has happened.
      await new Promise((r) => setTimeout(r, 40));
      seen.push(stored());
    };
    const streamChat: StreamChat = async ({ onDelta }) => {
      await step(onDelta, { reasoning: 'Hm' });
      await step(onDelta, { content: 'A' });
      fail = 'full';
      await step(onDelta, { content: 'B' });
      fail = null;
      await step(onDelta, { content: 'C', reasoning: '!' });
      fail = 'other';
      await step(onDelta, { content: 'D' });
      fail = null;
      await step(onDelta, { content: 'E' });
      return { kind: 'done', finishReason: 'stop', usage: null };
    };
    await streamAnswer({ ...deps(streamChat), history: failing, unsaved: new UnsavedAnswers({ history: failing, events: new EventBus(), logger: createLogger(() => {}) }) }, message, request());
    expect(seen).toEqual([
      { content: '', reasoning: 'Hm' },
      { content: 'A', reasoning: 'Hm' },
      // Refused: kept in memory, so the next write is the whole text.
      { content: 'A', reasoning: 'Hm' },
      { content: 'ABC', reasoning: 'Hm!' },
      // Failed otherwise: nothing changed on disk, and the next append carries it too.
      { content: 'ABC', reasoning: 'Hm!' },
      { content: 'ABCDE', reasoning: 'Hm!' },
    ]);
    // Hm, A, B (refused), then the whole text with "!" (the reasoning's touch), C appended on its own
    // touch, D (failed), D and E together.
    expect(calls).toEqual(['appendMessageContent', 'appendMessageContent', 'appendMessageContent', 'updateMessageContent', 'appendMessageContent', 'appendMessageContent', 'appendMessageContent']);
    expect(history.getMessage(message.id)).toMatchObject({ status: 'done', content: 'ABCDE', reasoning: 'Hm!' });
  });
});
