// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

// Rendering Markdown is not what this test is about (and has its own tests).
vi.mock('../features/markdown/Markdown', () => ({ Markdown: ({ content }: { content: string }) => <p>{content}</p> }));
vi.mock('../features/markdown/StreamingMarkdown', () => ({ StreamingMarkdown: ({ content }: { content: string }) => <p>{content}</p> }));
import { buildThread } from '../../../shared/message-tree';
import type { ConversationDetail, ConversationSummary } from '../../../shared/schemas';
import { setApi, type ApiClient } from '../api';
import { initI18n } from '../i18n';
import { chainMessage, stubListDom } from '../features/chat/list-dom.test-support';
import { MessageList } from '../features/chat/MessageList';
import { switchBranch } from './branch-actions';
import { useChatStore } from './chat-store';
import { OPEN_WINDOW, openConversation, startNewChat, whenComplete } from './conversation-actions';
import { writeMessageHash } from './location-hash';
import { useConversationsStore } from './conversations-store';

beforeAll(() => {
  initI18n('en');
  stubListDom();
  // jsdom has no layout: the message pane gets a height (rows measure 0 px, so all of them fit).
  for (const prop of ['offsetHeight', 'clientHeight'] as const) {
    Object.defineProperty(HTMLElement.prototype, prop, {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('message-scroller') ? 600 : 0;
      },
    });
  }
});
afterEach(cleanup);

const COUNT = 12;
/** What the fake host sends, whatever the size asked: smaller than the conversation. */
const WINDOW = 4;
const message = chainMessage;
// A second answer beside the last one but three: its switcher counts 2.
const sibling = message(COUNT, { id: 'alt', parentId: `m${COUNT - 4}`, role: 'assistant', content: 'Other answer' });
const tree = [...Array.from({ length: COUNT }, (_, i) => message(i)), sibling];
const summary: ConversationSummary = { id: 'c1', title: 'Long', createdAt: 0, updatedAt: 1, connectionId: null, model: null, activeLeafId: `m${COUNT - 1}` };
const settings = { systemPrompt: null, contextMessages: null, temperature: null, topP: null, maxTokens: null };

/** The window the host sends: the end of the path and the siblings on it. */
function windowOf(size: number): ConversationDetail {
  const path = buildThread(tree, summary.activeLeafId).path.slice(-size);
  const parents = new Set(path.map((m) => m.parentId));
  return {
    conversation: summary,
    messages: tree.filter((m) => parents.has(m.parentId)).map((m) => ({ ...m })),
    settings,
    partial: { earlier: COUNT - size },
  };
}

interface Call {
  route: string;
  input: Record<string, unknown>;
}

/** A fake main that answers the window at once and the whole tree when the test says so. */
function fakeMain() {
  const calls: Call[] = [];
  let releaseWhole: () => void = () => {};
  const wholeSent = new Promise<void>((resolve) => (releaseWhole = resolve));
  const api: ApiClient = {
    call: (async (route: string, input: Record<string, unknown>) => {
      calls.push({ route, input });
      if (route === 'conversations.get') {
        if (typeof input.window === 'number') return windowOf(WINDOW);
        await wholeSent;
        return { conversation: summary, messages: tree.map((m) => ({ ...m })), settings };
      }
      if (route === 'conversations.switchBranch') return { ...summary, activeLeafId: 'alt' };
      throw new Error(`unexpected ${route}`);
    }) as ApiClient['call'],
    on: (() => () => {}) as ApiClient['on'],
    connectionState: () => 'open',
    onConnectionState: () => () => {},
    reconnect: () => {},
    watch: () => {},
  };
  return { api, calls, releaseWhole };
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 5)));
const shownIds = (root: HTMLElement) => [...root.querySelectorAll('article[data-message-id]')].map((a) => a.getAttribute('data-message-id'));
const rowsHeight = (root: HTMLElement) => root.querySelector<HTMLElement>('.message-rows')!.style.height;

beforeEach(() => {
  useChatStore.setState({ openId: null, messages: [], load: 'idle', complete: true, earlier: 0, sendingNew: false });
  useConversationsStore.setState({ list: [summary], loaded: true });
});

describe('opening a long conversation at its end, then the rest of it', () => {
  it('shows the last messages first and merges the whole tree in without moving or remounting them', async () => {
    const main = fakeMain();
    setApi(main.api);
    await act(() => openConversation('c1'));
    expect(main.calls[0]).toEqual({ route: 'conversations.get', input: { id: 'c1', window: OPEN_WINDOW } });
    expect(useChatStore.getState()).toMatchObject({ complete: false, earlier: COUNT - WINDOW, load: 'ready' });

    const { container } = render(<MessageList />);
    const end = Array.from({ length: WINDOW }, (_, i) => `m${COUNT - WINDOW + i}`);
    expect(shownIds(container)).toEqual(end);
    // The path above has rows of its own already (those near the view are in the DOM), filled when their messages arrive.
    const pending = [...container.querySelectorAll('.message-row-pending')].map((r) => Number(r.getAttribute('data-index')));
    expect(pending.length).toBeGreaterThan(0);
    expect(Math.max(...pending)).toBe(COUNT - WINDOW - 1);
    const height = rowsHeight(container);
    const lastNode = container.querySelector(`[data-message-id="m${COUNT - 1}"]`);
    const lastCopy = useChatStore.getState().messages.find((m) => m.id === `m${COUNT - 1}`);
    // The whole tree is asked for once the window is painted, not with it.
    expect(main.calls).toHaveLength(1);
    await act(nextFrame);
    expect(main.calls[1]).toEqual({ route: 'conversations.get', input: { id: 'c1' } });

    await act(async () => {
      main.releaseWhole();
      await whenComplete();
    });
    expect(useChatStore.getState()).toMatchObject({ complete: true, earlier: 0 });
    expect(useChatStore.getState().messages).toHaveLength(COUNT + 1);
    // The same list, filled in: same length, the end's rows kept (same DOM), none pending.
    const after = shownIds(container);
    expect(after).toEqual(Array.from({ length: after.length }, (_, i) => `m${COUNT - after.length + i}`));
    expect(after).toEqual(expect.arrayContaining(pending.map((i) => `m${i}`)));
    expect(container.querySelectorAll('.message-row-pending')).toHaveLength(0);
    expect(rowsHeight(container)).toBe(height);
    expect(container.querySelector(`[data-message-id="m${COUNT - 1}"]`)).toBe(lastNode);
    // An unchanged message keeps its object: its row and find's text cache need no work.
    expect(useChatStore.getState().messages.find((m) => m.id === `m${COUNT - 1}`)).toBe(lastCopy);
  });

  it('keeps the whole tree when a window arrives after it', async () => {
    const main = fakeMain();
    setApi(main.api);
    main.releaseWhole();
    useChatStore.getState().open('c1');
    await whenComplete();
    expect(useChatStore.getState().complete).toBe(true);
    const partial = windowOf(10);
    useChatStore.getState().replaceMessages('c1', partial.messages, partial.partial);
    expect(useChatStore.getState().messages).toHaveLength(COUNT + 1);
    expect(useChatStore.getState().complete).toBe(true);
  });

  it('switches branches only once the whole tree is there', async () => {
    const main = fakeMain();
    setApi(main.api);
    await openConversation('c1');
    const switching = switchBranch('alt');
    await new Promise((r) => setTimeout(r, 20));
    // Waiting for the tree: the host is not asked to move the leaf yet.
    expect(main.calls.map((c) => c.route)).not.toContain('conversations.switchBranch');
    main.releaseWhole();
    await switching;
    expect(main.calls.map((c) => c.route)).toContain('conversations.switchBranch');
    expect(useChatStore.getState().complete).toBe(true);
    const leaf = useConversationsStore.getState().list[0]!.activeLeafId;
    const path = buildThread(useChatStore.getState().messages, leaf).path;
    // The other answer's path is whole: from the first message down to it.
    expect(path).toHaveLength(COUNT - 2);
    expect(path[0]!.id).toBe('m0');
    expect(path.at(-1)!.id).toBe('alt');
  });

  it('points the address at the conversation after the frame, without undoing a message address or a later choice', async () => {
    const main = fakeMain();
    setApi(main.api);
    window.history.replaceState(null, '', '/');
    await openConversation('c1');
    // Not inside the click: replaceState waits for the frame.
    expect(window.location.hash).toBe('');
    await nextFrame();
    expect(window.location.hash).toBe('#/c/c1');

    // A search hit points the address at its message before the frame: it stays.
    useChatStore.getState().open(null);
    window.history.replaceState(null, '', '/');
    await openConversation('c1');
    writeMessageHash('c1', 'm3');
    await nextFrame();
    expect(window.location.hash).toBe('#/c/c1/m/m3');

    // Opened, then a new chat before the frame: the address says new chat.
    useChatStore.getState().open(null);
    await openConversation('c1');
    startNewChat();
    await nextFrame();
    expect(window.location.hash).toBe('');
  });
});
