import { getApi } from '../api';
import { useAppStore, selectActiveConnection } from './app-store';
import { useChatStore } from './chat-store';
import { useConversationsStore } from './conversations-store';
import { settleHeldUpdates } from './live-updates';
import { conversationIdFromHash, writeConversationHash } from './location-hash';
import type { ConversationDetail } from '../../../shared/schemas';
import { afterNextFrame } from '../ui/after-next-frame';

/** Conversation-level commands the UI calls; each keeps the stores and the server in step. */

/** Conversations per sidebar page; the sidebar asks for the next one as it nears the end. */
export const CONVERSATION_PAGE_SIZE = 100;

/** Loads the first page of the sidebar (at boot, and after a reconnect: it replaces the list). */
export async function loadConversations(): Promise<void> {
  const page = await getApi().call('conversations.list', { limit: CONVERSATION_PAGE_SIZE });
  useConversationsStore.getState().setFirstPage(page, CONVERSATION_PAGE_SIZE);
}

/** Loads the page after the last one loaded; a no-op while one is on its way or at the end. */
export async function loadMoreConversations(): Promise<void> {
  const store = useConversationsStore.getState();
  if (!store.loaded || !store.hasMore || store.loadingMore || !store.cursor) return;
  store.setLoadingMore(true);
  try {
    const page = await getApi().call('conversations.list', { cursor: store.cursor, limit: CONVERSATION_PAGE_SIZE });
    useConversationsStore.getState().appendPage(page, CONVERSATION_PAGE_SIZE);
  } catch (err) {
    useConversationsStore.getState().setLoadingMore(false);
    throw err;
  }
}

/**
 * Messages of the active path a conversation opens with: more than a tall window shows, so the
 * first frame is whole; the rest of the tree follows right after it (`whenComplete`).
 */
export const OPEN_WINDOW = 40;

function show(id: string, detail: ConversationDetail): void {
  useConversationsStore.getState().upsert(detail.conversation);
  useChatStore.getState().replaceMessages(id, detail.messages, detail.partial);
  useChatStore.getState().setSettings(id, detail.settings);
}

/** Fetches a conversation (its whole tree) and puts it on screen if it is still the open one. */
export async function refreshConversation(id: string): Promise<void> {
  show(id, await getApi().call('conversations.get', { id }));
}

let rest: { id: string; done: Promise<void> } | null = null;

/**
 * Resolves once the open conversation's whole tree is in the store (at once if it is, or if none
 * is open). Whatever acts on the tree (branches, edits, find) waits for this; a failed load is
 * tried again by the next caller.
 */
export function whenComplete(): Promise<void> {
  const { openId, complete, load } = useChatStore.getState();
  if (!openId || (complete && load === 'ready')) return Promise.resolve();
  if (rest?.id === openId) return rest.done;
  const done = refreshConversation(openId).finally(() => {
    if (rest?.done === done) rest = null;
  });
  rest = { id: openId, done };
  return done;
}

export async function openConversation(id: string): Promise<void> {
  const chat = useChatStore.getState();
  if (chat.openId === id && chat.load === 'ready') return;
  chat.open(id);
  // The address can wait for the frame (replaceState costs a few ms of the click). Only if this is
  // still the open one and nothing pointed the address into it meanwhile (a search hit's message).
  afterNextFrame(() => {
    if (useChatStore.getState().openId === id && conversationIdFromHash() !== id) writeConversationHash(id);
  });
  try {
    const detail = await getApi().call('conversations.get', { id, window: OPEN_WINDOW });
    show(id, detail);
    // The rest of the tree once the end of it is painted: its megabytes would delay that frame.
    if (detail.partial) afterNextFrame(() => useChatStore.getState().openId === id && void whenComplete().catch(() => {}));
  } catch {
    if (useChatStore.getState().openId === id) useChatStore.getState().setLoad('error');
  }
}

export function startNewChat(): void {
  useChatStore.getState().open(null);
  writeConversationHash(null);
}

/** Throws an ApiError when main refuses (no connection, busy, ...); the composer shows it. */
export async function sendMessage(
  text: string,
  attachments: ReadonlyArray<{ id: string; name: string }> = [],
  /** A new chat's connection and model, when the user picked them; else the active connection's default. */
  picked?: { connectionId: string; model: string } | null,
  /** The assistant a new chat starts with. */
  assistantId?: string,
): Promise<void> {
  const chat = useChatStore.getState();
  const conversationId = chat.openId ?? undefined;
  const isNew = conversationId === undefined;
  // An existing conversation keeps its own connection; a new one starts on the active connection.
  const connectionId = isNew ? (picked?.connectionId ?? selectActiveConnection(useAppStore.getState())?.id) : undefined;
  const model = isNew && picked && picked.connectionId === connectionId ? picked.model : undefined;
  if (isNew) chat.setSendingNew(true);
  try {
    const result = await getApi().call('chat.send', {
      text,
      ...(attachments.length ? { attachments: attachments.map(({ id, name }) => ({ id, name })) } : {}),
      ...(conversationId ? { conversationId } : {}),
      ...(connectionId ? { connectionId } : {}),
      ...(model ? { model } : {}),
      ...(isNew && assistantId ? { assistantId } : {}),
    });
    useConversationsStore.getState().upsert(result.conversation);
    const now = useChatStore.getState();
    // The user may have switched away while the request was in flight; then only the list changes.
    if (isNew && now.openId === null) {
      useChatStore.setState({ openId: result.conversation.id, messages: [], load: 'ready', complete: true, earlier: 0 });
      writeConversationHash(result.conversation.id);
    }
    useChatStore.getState().upsertMessages([result.userMessage, result.assistantMessage]);
  } finally {
    if (isNew) useChatStore.getState().setSendingNew(false);
    // Deltas and updates that raced ahead of the answer were held back: place them (or drop
    // them, if the send failed or the user moved on).
    settleHeldUpdates();
  }
}

export async function stopMessage(messageId: string): Promise<void> {
  await getApi().call('chat.stop', { messageId });
}

export async function renameConversation(id: string, title: string): Promise<void> {
  const summary = await getApi().call('conversations.rename', { id, title });
  useConversationsStore.getState().upsert(summary);
}

export async function pinConversation(id: string, pinned: boolean): Promise<void> {
  const summary = await getApi().call('conversations.pin', { id, pinned });
  useConversationsStore.getState().upsert(summary);
}

/**
 * Deletes at once (the row disappears before main answers) and keeps the id hidden until undo or
 * dismissal. Main only moves it to the trash, so `restoreConversation` can bring it back.
 */
export async function deleteConversation(id: string): Promise<void> {
  const store = useConversationsStore.getState();
  const summary = store.list.find((c) => c.id === id);
  store.hide(id);
  if (useChatStore.getState().openId === id) startNewChat();
  try {
    await getApi().call('conversations.delete', { id });
  } catch (err) {
    useConversationsStore.getState().unhide(id);
    if (summary) useConversationsStore.getState().upsert(summary);
    throw err;
  }
}

/** Undo of a delete: back in the list where its order puts it. */
export async function restoreConversation(id: string): Promise<void> {
  const summary = await getApi().call('conversations.restore', { id });
  useConversationsStore.getState().unhide(id);
  useConversationsStore.getState().upsert(summary);
}

/** The undo window closed: the id need not be kept out of fetched pages any more (main has it in the trash). */
export function forgetHiddenConversation(id: string): void {
  useConversationsStore.getState().unhide(id);
}

/** Local cleanup after a delete, whether this window or another one did it. */
export function forgetConversation(id: string): void {
  useConversationsStore.getState().remove(id);
  if (useChatStore.getState().openId === id) startNewChat();
}
