// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { setApi, type ApiClient } from '../api';
import { useChatStore } from './chat-store';
import { fakeMain, type Emit } from './fake-main.test-support';
import { streamingAnswer } from './message.test-support';
import { sendMessage } from './conversation-actions';
import { useConversationsStore } from './conversations-store';
import { connectLiveUpdates } from './live-updates';

const conversation = { id: 'c1', title: 'Hi', createdAt: 1, updatedAt: 1, connectionId: 'k', model: 'm' };
const msg = streamingAnswer;

/** A fake main whose chat.send lets events overtake its own answer, as a fast failure does. */
const fakeApi = (beforeReply: (emit: Emit) => void): ApiClient =>
  fakeMain({
    'chat.send': (_input, emit) => {
      beforeReply(emit);
      return { conversation, userMessage: msg({ id: 'u1', role: 'user', content: 'hi', status: 'done', parentId: null, createdAt: 1 }), assistantMessage: msg({}) };
    },
  }).api;

beforeEach(() => {
  useChatStore.setState({ openId: null, messages: [], load: 'idle', sendingNew: false });
  useConversationsStore.setState({ list: [], loaded: true });
});

describe('sending the first message of a new chat', () => {
  it('keeps a failure that arrived before the send result instead of showing "streaming" forever', async () => {
    const failed = msg({ status: 'error', error: { code: 'no_key' }, updatedAt: 3 });
    const api = fakeApi((emit) => emit('message.updated', failed));
    setApi(api);
    const off = connectLiveUpdates(api, { refetch: async () => {}, onDeleted: () => {}, onSettingsChanged: () => {}, onReconnected: () => {} });
    await sendMessage('hi');
    off();
    const state = useChatStore.getState();
    expect(state.openId).toBe('c1');
    expect(state.messages.map((m) => [m.id, m.status])).toEqual([
      ['u1', 'done'],
      ['a1', 'error'],
    ]);
    expect(useConversationsStore.getState().list[0]?.id).toBe('c1');
  });

  it('places deltas that overtook the send result', async () => {
    const api = fakeApi((emit) => emit('chat.delta', { conversationId: 'c1', messageId: 'a1', part: 'content', offset: 0, text: 'Hello' }));
    setApi(api);
    const off = connectLiveUpdates(api, { refetch: async () => {}, onDeleted: () => {}, onSettingsChanged: () => {}, onReconnected: () => {} });
    await sendMessage('hi');
    off();
    expect(useChatStore.getState().messages.find((m) => m.id === 'a1')?.content).toBe('Hello');
  });
});

describe('the conversation the page tells main it shows (main sends streamed text of that one only)', () => {
  it('is the open one; none while a new chat has no id yet, so deltas that overtake its send still come', async () => {
    useChatStore.setState({ openId: 'c0' });
    const main = fakeMain({
      'chat.send': (_input, emit) => {
        emit('chat.delta', { conversationId: 'c1', messageId: 'a1', part: 'content', offset: 0, text: 'Hello' });
        return { conversation, userMessage: msg({ id: 'u1', role: 'user', content: 'hi', status: 'done', parentId: null, createdAt: 1 }), assistantMessage: msg({}) };
      },
    });
    setApi(main.api);
    const off = connectLiveUpdates(main.api, { refetch: async () => {}, onDeleted: () => {}, onSettingsChanged: () => {}, onReconnected: () => {} });
    expect(main.watches).toEqual(['c0']);
    // "New chat": nothing open, then the first send, whose answer streams before its id is known.
    useChatStore.setState({ openId: null, messages: [] });
    await sendMessage('hi');
    expect(useChatStore.getState().messages.find((m) => m.id === 'a1')?.content).toBe('Hello');
    // Back to the earlier conversation.
    useChatStore.setState({ openId: 'c0' });
    off();
    useChatStore.setState({ openId: 'c2' });
    expect(main.watches).toEqual(['c0', null, 'c1', 'c0']);
  });
});
