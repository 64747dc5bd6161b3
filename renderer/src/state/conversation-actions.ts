import { getApi } from '../api';
import { useAppStore, selectActiveConnection } from './app-store';
import { useChatStore } from './chat-store';
import { useConversationsStore } from './conversations-store';
import { settleHeldUpdates } from './live-updates';
import { writeConversationHash } from './location-hash';

/** Conversation-level commands the UI calls; each keeps the stores and the server in step. */

export async function loadConversations(): Promise<void> {
  const list = await getApi().call('conversations.list', {});
  useConversationsStore.getState().setAll(list);
}

/** Fetches a conversation and puts its messages on screen if it is still the open one. */
export async function refreshConversation(id: string): Promise<void> {
  const detail = await getApi().call('conversations.get', { id });
  useConversationsStore.getState().upsert(detail.conversation);
  useChatStore.getState().replaceMessages(id, detail.messages);
  useChatStore.getState().setSettings(id, detail.settings);
}

export async function openConversation(id: string): Promise<void> {
  const chat = useChatStore.getState();
  if (chat.openId === id && chat.load === 'ready') return;
  chat.open(id);
  writeConversationHash(id);
  try {
    await refreshConversation(id);
  } catch {
    if (useChatStore.getState().openId === id) useChatStore.getState().setLoad('error');
  }
}

export function startNewChat(): void {
  useChatStore.getState().open(null);
  writeConversationHash(null);
}

/** Throws an ApiError when main refuses (no connection, busy, ...); the composer shows it. */
export async function sendMessage(text: string): Promise<void> {
  const chat = useChatStore.getState();
  const conversationId = chat.openId ?? undefined;
  const isNew = conversationId === undefined;
  // An existing conversation keeps its own connection; a new one starts on the active connection.
  const connectionId = isNew ? selectActiveConnection(useAppStore.getState())?.id : undefined;
  if (isNew) chat.setSendingNew(true);
  try {
    const result = await getApi().call('chat.send', {
      text,
      ...(conversationId ? { conversationId } : {}),
      ...(connectionId ? { connectionId } : {}),
    });
    useConversationsStore.getState().upsert(result.conversation);
    const now = useChatStore.getState();
    // The user may have switched away while the request was in flight; then only the list changes.
    if (isNew && now.openId === null) {
      useChatStore.setState({ openId: result.conversation.id, messages: [], load: 'ready' });
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

export async function deleteConversation(id: string): Promise<void> {
  await getApi().call('conversations.delete', { id });
  forgetConversation(id);
}

/** Local cleanup after a delete, whether this window or another one did it. */
export function forgetConversation(id: string): void {
  useConversationsStore.getState().remove(id);
  if (useChatStore.getState().openId === id) startNewChat();
}
