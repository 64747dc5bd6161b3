// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// Rendering Markdown is not what this test is about (and has its own tests).
vi.mock('../markdown/Markdown', () => ({ Markdown: ({ content }: { content: string }) => <p>{content}</p> }));
vi.mock('../markdown/StreamingMarkdown', () => ({ StreamingMarkdown: ({ content }: { content: string }) => <p>{content}</p> }));
import type { Message } from '../../../../shared/schemas';
import { initI18n } from '../../i18n';
import { chainMessage, stubListDom } from './list-dom.test-support';
import { useChatStore } from '../../state/chat-store';
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
