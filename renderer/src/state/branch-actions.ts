import type { ConversationSettings, ModelSetting } from '../../../shared/schemas';
import { getApi } from '../api';
import { useAppStore } from './app-store';
import { useChatStore } from './chat-store';
import { useConversationsStore } from './conversations-store';
import { whenComplete } from './conversation-actions';

/**
 * Message-tree commands: each puts the server's answer into the stores right away. Each changes
 * the active path, which the store can only show once it holds the whole tree (`whenComplete`).
 */

export async function regenerateAnswer(messageId: string): Promise<void> {
  await whenComplete();
  const result = await getApi().call('chat.regenerate', { messageId });
  useConversationsStore.getState().upsert(result.conversation);
  useChatStore.getState().upsertMessages([result.assistantMessage]);
}

export async function editAndResend(messageId: string, text: string): Promise<void> {
  await whenComplete();
  const result = await getApi().call('chat.edit', { messageId, text });
  useConversationsStore.getState().upsert(result.conversation);
  useChatStore.getState().upsertMessages([result.userMessage, result.assistantMessage]);
}

export async function continueAnswer(messageId: string): Promise<void> {
  const result = await getApi().call('chat.continue', { messageId });
  useConversationsStore.getState().upsert(result.conversation);
  useChatStore.getState().upsertMessages([result.message]);
}

export async function switchBranch(messageId: string): Promise<void> {
  await whenComplete();
  const summary = await getApi().call('conversations.switchBranch', { messageId });
  useConversationsStore.getState().upsert(summary);
}

export async function updateConversationSettings(id: string, settings: Partial<ConversationSettings>): Promise<void> {
  const next = await getApi().call('conversations.updateSettings', { id, settings });
  useChatStore.getState().setSettings(id, next);
}

export async function saveModelSettings(modelSettings: ModelSetting[]): Promise<void> {
  const prefs = await getApi().call('prefs.setModelSettings', { modelSettings });
  useAppStore.getState().setPrefs(prefs);
}
