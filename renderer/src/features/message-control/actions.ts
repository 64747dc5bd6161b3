import { create } from 'zustand';
import type { Message } from '../../../../shared/schemas';
import { getApi } from '../../api';
import { useChatStore } from '../../state/chat-store';
import { useConversationsStore } from '../../state/conversations-store';
import { openConversation, whenComplete } from '../../state/conversation-actions';

/** The last delete, while Undo is offered. */
interface UndoState {
  pending: { token: string; count: number; key: number } | null;
  set(pending: UndoState['pending']): void;
}
export const useMessageUndo = create<UndoState>()((set) => ({ pending: null, set: (pending) => set({ pending }) }));
let undoKey = 0;

/** Deletes the message and its branch; Undo is offered for a few seconds. */
export async function deleteMessage(messageId: string): Promise<void> {
  // The branch and the leaf shown after it are worked out over the whole tree.
  await whenComplete();
  const result = await getApi().call('messages.delete', { messageId });
  const gone = new Set(result.deletedIds);
  useChatStore.setState((s) => ({ messages: s.messages.filter((m) => !gone.has(m.id)) }));
  useConversationsStore.getState().upsert(result.conversation);
  useMessageUndo.getState().set({ token: result.undoToken, count: gone.size, key: ++undoKey });
}

export async function undoDelete(token: string): Promise<void> {
  useMessageUndo.getState().set(null);
  const result = await getApi().call('messages.restore', { undoToken: token });
  useConversationsStore.getState().upsert(result.conversation);
  useChatStore.getState().upsertMessages(result.messages);
}

export async function editAnswer(messageId: string, text: string): Promise<void> {
  const result = await getApi().call('messages.editAnswer', { messageId, text });
  useConversationsStore.getState().upsert(result.conversation);
  useChatStore.getState().upsertMessages([result.message]);
}

/** Forks into a new conversation and opens it. */
export async function forkFrom(messageId: string, title: string): Promise<void> {
  const conversation = await getApi().call('conversations.fork', { messageId, title });
  useConversationsStore.getState().upsert(conversation);
  await openConversation(conversation.id);
}

/** Text to put into the composer; the composer takes it and clears it. */
interface QuoteState {
  pending: { text: string; key: number } | null;
  insert(text: string): void;
  take(): string | null;
}
let quoteKey = 0;
export const useComposerInsert = create<QuoteState>()((set, get) => ({
  pending: null,
  insert: (text) => set({ pending: { text, key: ++quoteKey } }),
  take: () => {
    const text = get().pending?.text ?? null;
    set({ pending: null });
    return text;
  },
}));

/** Markdown quote of a text: every line behind "> ", then an empty line to write under it. */
export function asQuote(text: string): string {
  return (
    text
      .trim()
      .split(/\r?\n/)
      .map((line) => (line ? `> ${line}` : '>'))
      .join('\n') + '\n\n'
  );
}

/** The text selected inside `article`, if the selection lies within it. */
export function selectionWithin(article: Element | null): string {
  const selection = window.getSelection();
  if (!article || !selection || selection.isCollapsed || selection.rangeCount === 0) return '';
  const range = selection.getRangeAt(0);
  return article.contains(range.commonAncestorContainer) ? selection.toString() : '';
}

/** What a message shows, as plain text: the rendered text of an answer (code, tables and all), a question as typed. */
export function plainTextOf(message: Message, article: Element | null): string {
  if (message.role === 'user') return message.content;
  const rendered = article?.querySelector<HTMLElement>('.markdown');
  return rendered?.innerText.trim() || message.content;
}
