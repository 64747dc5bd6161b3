import type { Message, StreamEnd } from '../../../shared/schemas';
import { useChatStore } from './chat-store';

/**
 * The finished message from a `chat.end` and the copy on screen, when that copy's text is the whole
 * answer: deltas are placed only where they join the text shown (delta-coalescer.ts), so text of the
 * announced length is the answer's text. Null when it falls short (missed deltas, a page opened
 * mid-stream whose refetch gave up): the message must be fetched.
 */
export function finishedFrom(end: StreamEnd, shown: Message | undefined): Message | null {
  if (!shown || shown.content.length !== end.contentLength || (shown.reasoning ?? '').length !== end.reasoningLength) return null;
  // The strings on screen are kept as they are: the rendered Markdown sees the same text, not a copy.
  return { ...end.message, content: shown.content, reasoning: shown.reasoning ?? '' };
}

export interface StreamEndDeps {
  fetchMessage(messageId: string): Promise<Message>;
  /** The fetch failed (bridge down, message gone): reload the conversation, as after a missed event. */
  refetch(conversationId: string): Promise<void>;
}

/**
 * Settles a streamed answer in the open conversation: at once from the text on screen, or from a
 * fetched copy. Another conversation's end changes nothing here: opening it fetches its messages.
 */
export function applyStreamEnd(end: StreamEnd, deps: StreamEndDeps): void {
  const { message } = end;
  const store = useChatStore.getState();
  if (store.openId !== message.conversationId) return;
  const finished = finishedFrom(end, store.messages.find((m) => m.id === message.id));
  if (finished) {
    store.upsertMessages([finished]);
    return;
  }
  deps
    .fetchMessage(message.id)
    .then((fetched) => useChatStore.getState().upsertMessages([fetched]))
    .catch(() => deps.refetch(message.conversationId))
    .catch(() => {
      // Unreachable too: the reconnect reloads the open conversation.
    });
}
