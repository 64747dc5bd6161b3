// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Message, StreamEnd } from '../../../shared/schemas';
import type { ApiClient } from '../api';
import { useChatStore } from './chat-store';
import { fakeMain } from './fake-main.test-support';
import { streamingAnswer } from './message.test-support';
import { connectLiveUpdates, settleHeldUpdates } from './live-updates';

const answer = streamingAnswer;
const endOf = (m: Message): StreamEnd => {
  const { content, reasoning, ...message } = m;
  return { message, contentLength: content.length, reasoningLength: reasoning?.length ?? 0 };
};

/** A fake main that answers `messages.get` with `stored` (or fails it with the `Error` it gives). */
const mainStoring = (stored: () => Message | Error) =>
  fakeMain({
    'messages.get': () => {
      const m = stored();
      if (m instanceof Error) throw m;
      return m;
    },
  });

const shown = () => useChatStore.getState().messages.find((m) => m.id === 'a1');
let off: (() => void) | null = null;
const refetch = vi.fn(async () => {});
const connect = (api: ApiClient) => {
  off = connectLiveUpdates(api, { refetch, onDeleted: () => {}, onSettingsChanged: () => {}, onReconnected: () => {} });
};

beforeEach(() => {
  refetch.mockClear();
  useChatStore.setState({ openId: 'c1', messages: [answer()], load: 'ready', complete: true, sendingNew: false });
});
afterEach(() => off?.());

describe('the end of a streamed answer (chat.end, without its text)', () => {
  const final = answer({ content: 'Hello world', reasoning: 'hmm', status: 'done', updatedAt: 9, usage: { promptTokens: 3, completionTokens: 2, estimated: false } });

  it('finishes the answer from the streamed text, asking main for nothing', () => {
    const main = mainStoring(() => new Error('not asked'));
    connect(main.api);
    main.emit('chat.delta', { conversationId: 'c1', messageId: 'a1', part: 'reasoning', offset: 0, text: 'hmm' });
    main.emit('chat.delta', { conversationId: 'c1', messageId: 'a1', part: 'content', offset: 0, text: 'Hello ' });
    main.emit('chat.delta', { conversationId: 'c1', messageId: 'a1', part: 'content', offset: 6, text: 'world' });
    main.emit('chat.end', endOf(final));
    expect(shown()).toEqual(final);
    expect(main.calls).toEqual([]);
    expect(refetch).not.toHaveBeenCalled();
  });

  it('fetches the message when deltas were missed, and shows the fetched text', async () => {
    const main = mainStoring(() => final);
    connect(main.api);
    main.emit('chat.delta', { conversationId: 'c1', messageId: 'a1', part: 'reasoning', offset: 0, text: 'hmm' });
    main.emit('chat.delta', { conversationId: 'c1', messageId: 'a1', part: 'content', offset: 0, text: 'Hello ' });
    // The delta carrying "world" never arrived.
    main.emit('chat.end', endOf(final));
    expect(shown()?.status).toBe('streaming');
    await vi.waitFor(() => expect(shown()).toEqual(final));
    expect(main.calls).toEqual(['messages.get']);
  });

  it('fetches the message when the reasoning is short even though the answer is whole', async () => {
    const main = mainStoring(() => final);
    connect(main.api);
    main.emit('chat.delta', { conversationId: 'c1', messageId: 'a1', part: 'content', offset: 0, text: 'Hello world' });
    main.emit('chat.end', endOf(final));
    await vi.waitFor(() => expect(shown()).toEqual(final));
    expect(main.calls).toEqual(['messages.get']);
  });

  it('fetches an answer it has not got at all (a page that opened as the stream ended)', async () => {
    useChatStore.setState({ messages: [] });
    const main = mainStoring(() => final);
    connect(main.api);
    main.emit('chat.end', endOf(final));
    await vi.waitFor(() => expect(shown()).toEqual(final));
  });

  it('reloads the conversation when the fetch fails', async () => {
    const main = mainStoring(() => new Error('bridge down'));
    connect(main.api);
    main.emit('chat.end', endOf(final));
    await vi.waitFor(() => expect(refetch).toHaveBeenCalledWith('c1'));
  });

  it('ignores the end of an answer in another conversation', () => {
    const main = mainStoring(() => new Error('not asked'));
    connect(main.api);
    main.emit('chat.end', endOf({ ...final, id: 'x9', conversationId: 'c2' }));
    expect(main.calls).toEqual([]);
    expect(shown()?.status).toBe('streaming');
  });

  it('holds the end of a new chat’s first answer until its conversation is open, then settles it', () => {
    useChatStore.setState({ openId: null, messages: [], load: 'idle', sendingNew: true });
    const main = mainStoring(() => new Error('not asked'));
    connect(main.api);
    main.emit('chat.delta', { conversationId: 'c1', messageId: 'a1', part: 'content', offset: 0, text: 'Hello world' });
    main.emit('chat.end', endOf({ ...final, reasoning: '' }));
    // chat.send answers: the conversation opens with the (empty) assistant message it returned.
    useChatStore.setState({ openId: 'c1', messages: [answer()], load: 'ready', sendingNew: false });
    settleHeldUpdates();
    expect(shown()).toEqual({ ...final, reasoning: '' });
    expect(main.calls).toEqual([]);
  });
});
