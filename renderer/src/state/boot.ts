import type { ApiClient } from '../api';
import { useAppStore } from './app-store';
import { useChatStore } from './chat-store';
import {
  forgetConversation,
  loadConversations,
  openConversation,
  refreshConversation,
  startNewChat,
  whenComplete,
} from './conversation-actions';
import { useConversationsStore } from './conversations-store';
import { connectLiveUpdates } from './live-updates';
import { conversationIdFromHash, messageIdFromHash } from './location-hash';
import { connectHistoryEvents } from '../features/data/history-events';
import { highlightMessage } from '../features/search/jump-to-message';
import { applyPreferences, reloadSettings } from './settings-actions';
import { applyFaultInfo, connectFaultUpdates, loadPendingSaves, refreshFaultInfo } from './fault-state';

/** Listens to main before the first load, so nothing that happens during boot is missed. */
export function startLiveUpdates(api: ApiClient): () => void {
  const setBridge = useAppStore.getState().setBridge;
  setBridge(api.connectionState());
  const offState = api.onConnectionState(setBridge);
  const offFaults = connectFaultUpdates(api);
  const offEvents = connectLiveUpdates(api, {
    refetch: refreshConversation,
    onDeleted: forgetConversation,
    onSettingsChanged: () => void reloadSettings().catch(() => {}),
    onReconnected: () => {
      // Events were missed while the bridge was down: reload what is on screen.
      void reloadSettings().catch(() => {});
      void loadConversations().catch(() => {});
      void refreshFaultInfo(api).catch(() => {});
      const openId = useChatStore.getState().openId;
      if (openId) void refreshConversation(openId).catch(() => {});
    },
  });
  const offHistory = connectHistoryEvents(api);
  return () => {
    offState();
    offFaults();
    offEvents();
    offHistory();
  };
}

/** Loads everything the first screen needs. Throws if main can't be reached. */
export async function loadInitialState(api: ApiClient): Promise<void> {
  const [info, prefs, connections] = await Promise.all([
    api.call('app.info', {}),
    api.call('prefs.get', {}),
    api.call('connections.list', {}),
  ]);
  const store = useAppStore.getState();
  store.setInfo(info);
  store.setPrefs(prefs);
  store.setConnections(connections);
  applyPreferences(prefs);
  applyFaultInfo(info);
  await Promise.all([loadConversations(), loadPendingSaves(api).catch(() => {})]);

  const fromHash = conversationIdFromHash();
  // The sidebar holds only its first page: a conversation further down is asked for by id.
  const known = (id: string) =>
    useConversationsStore.getState().list.some((c) => c.id === id) ||
    api.call('conversations.get', { id, window: 1 }).then(
      () => true,
      () => false,
    );
  if (fromHash && (await known(fromHash))) {
    const messageId = messageIdFromHash();
    // A search result's address (#/c/<id>/m/<messageId>): scroll to that message once it is on screen.
    void openConversation(fromHash)
      .then(() => (messageId ? whenComplete() : undefined))
      .then(() => {
        if (messageId) void highlightMessage(messageId);
      });
  } else startNewChat();
}
