import type { ApiClient } from '../../api';
import { useChatStore } from '../../state/chat-store';
import { loadConversations, refreshConversation, startNewChat } from '../../state/conversation-actions';

/**
 * Many conversations changed at once under the UI (an import, a sync, a restore): the sidebar's
 * first page is loaded again, and the open conversation too (gone after a restore: a new chat).
 */
export function connectHistoryEvents(api: ApiClient): () => void {
  return api.on('history.changed', () => {
    void loadConversations().catch(() => {});
    const openId = useChatStore.getState().openId;
    if (openId) void refreshConversation(openId).catch(() => useChatStore.getState().openId === openId && startNewChat());
  });
}
