// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../../../shared/schemas';
import { initI18n } from '../../i18n';
import { useChatStore } from '../../state/chat-store';
import { MessageItem } from './MessageItem';
import { liveMessage } from './streamed-text';

beforeAll(() => {
  initI18n('en');
});
afterEach(cleanup);

const question: Message = { id: 'q', conversationId: 'c1', parentId: null, role: 'user', content: 'Explain', status: 'done', error: null, model: null, createdAt: 1, updatedAt: 1 };
const answer = (content: string, extra: Partial<Message> = {}): Message => ({
  id: 'a',
  conversationId: 'c1',
  parentId: 'q',
  role: 'assistant',
  content,
  status: 'streaming',
  error: null,
  model: 'm',
  createdAt: 2,
  updatedAt: 2,
  ...extra,
});

describe('liveMessage', () => {
  it('hands out the same message while only its streamed text grows', () => {
    const first = liveMessage({ messages: [question, answer('Hello')] }, 'a', 1);
    expect(liveMessage({ messages: [question, answer('Hello, world')] }, 'a', 1)).toBe(first);
    expect(liveMessage({ messages: [question, answer('Hello, world and more', { reasoning: '' })] }, 'a', 1)).toBe(first);
  });

  it('hands out the new message when anything else changes', () => {
    const first = liveMessage({ messages: [question, answer('Hi')] }, 'a', 1);
    const done = answer('Hi there', { status: 'done' });
    expect(liveMessage({ messages: [question, done] }, 'a', 1)).toBe(done);
    const empty = liveMessage({ messages: [question, answer('')] }, 'a', 1);
    expect(empty).not.toBe(first);
    // First text after the waiting dots, first reasoning: what the row shows changes.
    expect(liveMessage({ messages: [question, answer('x')] }, 'a', 1)).not.toBe(empty);
    const reasoning = answer('x', { reasoning: 'hmm' });
    expect(liveMessage({ messages: [question, reasoning] }, 'a', 1)).toBe(reasoning);
  });
});

describe('a streaming answer', () => {
  const renderRow = (message: Message) => {
    useChatStore.setState({ openId: 'c1', messages: [question, message], load: 'ready' });
    // The row keeps the message it was given, as liveMessage hands it out while only text grows.
    render(<MessageItem message={message} hint={1} siblingIndex={0} siblingCount={1} previousId={null} nextId={null} />);
    return screen.getByRole('article', { name: 'Assistant message' });
  };
  const append = (content: string, reasoning = '') => act(() => useChatStore.getState().appendContent(new Map([['a', { content, reasoning }]])));

  it('shows its growing text, which reaches its Markdown through the store', () => {
    const row = renderRow(answer('The first words'));
    append(' and then some more.');
    append('\n\nA second paragraph');
    expect(row.textContent).toContain('The first words and then some more.');
    expect(row.querySelector('.md-tail')?.textContent).toBe('A second paragraph');
    expect(row.querySelectorAll('.md-block p')).toHaveLength(2);
  });

  it('shows its growing reasoning while it thinks', () => {
    renderRow(answer('', { reasoning: 'Let me think' }));
    append('', ' a little longer');
    expect(screen.getByText('Let me think a little longer')).toBeTruthy();
  });
});
