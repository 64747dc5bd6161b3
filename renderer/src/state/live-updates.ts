import type { Message, StreamEnd } from '../../../shared/schemas';
import type { ApiClient } from '../api';
import { useChatStore } from './chat-store';
import { useConversationsStore } from './conversations-store';
import { DeltaCoalescer } from './delta-coalescer';
import { applyStreamEnd, type StreamEndDeps } from './stream-end';

let coalescer: DeltaCoalescer | null = null;
/** Updates for a new chat that arrived before chat.send told us its id (a fast failure does that). */
let heldMessages: Message[] = [];
/** Ends of streams for that new chat, settled after its messages and deltas are placed. */
let heldEnds: StreamEnd[] = [];
let endDeps: StreamEndDeps | null = null;

const isHoldingNewChat = () => {
  const s = useChatStore.getState();
  return s.sendingNew && s.openId === null;
};

/** Places what was held back for a new chat, once its conversation is open. */
export function settleHeldUpdates(): void {
  const held = heldMessages;
  const ends = heldEnds;
  heldMessages = [];
  heldEnds = [];
  if (held.length > 0) useChatStore.getState().upsertMessages(held);
  coalescer?.flush();
  if (endDeps) for (const end of ends) applyStreamEnd(end, endDeps);
}

export interface LiveUpdateHandlers {
  refetch(conversationId: string): Promise<void>;
  onDeleted(id: string): void;
  onSettingsChanged(): void;
  /** The bridge came back after a drop: whatever happened meanwhile was missed. */
  onReconnected(): void;
}

/** Subscribes the stores to main's events. Returns the unsubscribe. */
export function connectLiveUpdates(api: ApiClient, handlers: LiveUpdateHandlers): () => void {
  coalescer?.dispose();
  const c = new DeltaCoalescer({
    getMessage: (id) => useChatStore.getState().messages.find((m) => m.id === id),
    isOpen: (conversationId) => useChatStore.getState().openId === conversationId,
    holdUnknown: isHoldingNewChat,
    apply: (appends) => useChatStore.getState().appendContent(appends),
    refetch: handlers.refetch,
    schedule: (cb, ms) => {
      const id = setTimeout(cb, ms);
      return () => clearTimeout(id);
    },
    now: () => performance.now(),
    later: (cb, ms) => void setTimeout(cb, ms),
  });
  coalescer = c;
  const ends: StreamEndDeps = { fetchMessage: (messageId) => api.call('messages.get', { messageId }), refetch: handlers.refetch };
  endDeps = ends;

  // Main sends streamed text only of the conversation on screen (electron/core/event-watch.ts). A new
  // chat whose id is not known yet says none, so its first answer is not left out.
  const watchOf = () => (isHoldingNewChat() ? null : useChatStore.getState().openId);
  let watched = watchOf();
  api.watch(watched);
  const offWatch = useChatStore.subscribe(() => {
    const next = watchOf();
    if (next === watched) return;
    watched = next;
    api.watch(next);
  });

  let isOpen = api.connectionState() === 'open';
  let everOpen = isOpen;
  const offs = [
    api.on('chat.delta', (delta) => c.push(delta)),
    api.on('chat.end', (end) => {
      // The stream's last text goes in first; the end then settles it (or finds text missing).
      c.flush();
      if (isHoldingNewChat()) heldEnds.push(end);
      else applyStreamEnd(end, ends);
    }),
    api.on('message.updated', (message) => {
      // Text still buffered for this message goes in first; the full message then settles it.
      c.flush();
      if (isHoldingNewChat()) heldMessages.push(message);
      else useChatStore.getState().upsertMessages([message]);
    }),
    api.on('conversation.updated', (summary) => useConversationsStore.getState().upsert(summary)),
    api.on('conversation.deleted', ({ id }) => handlers.onDeleted(id)),
    api.on('connections.changed', () => handlers.onSettingsChanged()),
    api.onConnectionState((state) => {
      if (state === 'closed' || state === 'unreachable' || state === 'no-token') {
        c.flush();
        useChatStore.getState().markStreamingLost();
      }
      if (state === 'open' && !isOpen && everOpen) handlers.onReconnected();
      isOpen = state === 'open';
      everOpen ||= isOpen;
    }),
  ];
  return () => {
    for (const off of offs) off();
    offWatch();
    c.dispose();
    if (coalescer === c) coalescer = null;
    if (endDeps === ends) endDeps = null;
  };
}
