// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// Rendering Markdown is not what this test is about (and has its own tests).
vi.mock('../markdown/Markdown', () => ({ Markdown: ({ content }: { content: string }) => <p>{content}</p> }));
vi.mock('../markdown/StreamingMarkdown', () => ({ StreamingMarkdown: ({ content }: { content: string }) => <p>{content}</p> }));
// The key functions the list hands its virtualizer, render by render.
const keyFunctions: unknown[] = [];
vi.mock('@tanstack/react-virtual', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@tanstack/react-virtual')>();
  return {
    ...actual,
    useVirtualizer: ((options: Parameters<typeof actual.useVirtualizer>[0]) => {
      keyFunctions.push(options.getItemKey);
      return actual.useVirtualizer(options);
    }) as typeof actual.useVirtualizer,
  };
});
import type { Message } from '../../../../shared/schemas';
import { initI18n } from '../../i18n';
import { chainMessage, stubListDom } from './list-dom.test-support';
import { useChatStore } from '../../state/chat-store';
import { useRevealStore } from './reveal-message';
import { ComposerContainer } from '../composer/ComposerContainer';
import { MessageList } from './MessageList';

beforeAll(() => {
  initI18n('en');
  stubListDom();
});
afterEach(cleanup);

const message = (i: number): Message => chainMessage(i);

describe('typing in the composer', () => {
  it('never re-renders the message history', () => {
    useChatStore.setState({ openId: 'c1', messages: Array.from({ length: 50 }, (_, i) => message(i)), load: 'ready' });
    let historyRenders = 0;
    render(
      <>
        <Profiler id="history" onRender={() => historyRenders++}>
          <MessageList />
        </Profiler>
        <ComposerContainer />
      </>,
    );
    const box = screen.getByRole('textbox', { name: 'Message' });
    const before = historyRenders;
    expect(before).toBeGreaterThan(0);
    for (const text of ['H', 'He', 'Hel', 'Hell', 'Hello', 'Hello 你好']) fireEvent.change(box, { target: { value: text } });
    expect((box as HTMLTextAreaElement).value).toBe('Hello 你好');
    expect(historyRenders).toBe(before);
  });
});

describe('a long conversation', () => {
  // The virtualizer lays out every row again (2,000 here) whenever its key function changes: a list
  // render that changes no row must not hand it a new one (opening a long conversation renders the
  // list several times: loading, the window, the whole tree, the rows beyond the view).
  it('keeps its rows laid out across renders that change none of them', () => {
    useChatStore.setState({ openId: 'c1', messages: Array.from({ length: 2000 }, (_, i) => message(i)), load: 'ready' });
    render(<MessageList />);
    const first = keyFunctions.length;
    act(() => useRevealStore.setState({ target: 'not-in-this-conversation' }));
    act(() => useRevealStore.setState({ target: null }));
    expect(keyFunctions.length).toBeGreaterThan(first);
    expect(new Set(keyFunctions.slice(first - 1)).size).toBe(1);
    act(() => useChatStore.setState({ messages: Array.from({ length: 2001 }, (_, i) => message(i)) }));
    expect(keyFunctions.at(-1)).not.toBe(keyFunctions[first - 1]);
  });
});
