import { beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../shared/schemas';
import { selectMessageById, selectStructure, useChatStore } from './chat-store';

const message = (i: number, status: Message['status'] = 'done'): Message =>
  ({
    id: `m${i}`,
    conversationId: 'c1',
    parentId: i === 0 ? null : `m${i - 1}`,
    role: i % 2 === 0 ? 'user' : 'assistant',
    content: `Message ${i}`,
    status,
    model: null,
    createdAt: i,
    updatedAt: i,
  }) as Message;

beforeEach(() => {
  useChatStore.setState({ openId: 'c1', messages: [message(0), message(1), message(2), message(3, 'streaming')], load: 'ready' });
});

describe('selectStructure', () => {
  it('keeps its identity while streamed text is appended', () => {
    const before = selectStructure(useChatStore.getState());
    useChatStore.getState().appendContent(new Map([['m3', { content: ' more' }]]));
    const state = useChatStore.getState();
    expect(selectStructure(state)).toBe(before);
    // The row reads the live text.
    expect(selectMessageById(state, 'm3', 3)?.content).toBe('Message 3 more');
    expect(selectMessageById(state, 'm3', 0)?.content).toBe('Message 3 more');
  });

  it('changes when a message is added', () => {
    const before = selectStructure(useChatStore.getState());
    useChatStore.getState().upsertMessages([message(4)]);
    const after = selectStructure(useChatStore.getState());
    expect(after).not.toBe(before);
    expect(after.map((m) => m.id)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
  });
});
