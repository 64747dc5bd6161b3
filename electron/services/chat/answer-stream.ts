import type { Message, MessageUsage, UpstreamError } from '../../../shared/schemas';
import type { EventBus } from '../../core/event-bus';
import type { Logger } from '../../core/logger';
import type { HistoryRepository } from '../storage/types';
import type { StreamChat, StreamChatRequest, TokenUsage } from '../upstream/types';
import { createDeltaBatcher } from './delta-batcher';
import { streamEndOf } from './stream-end';
import { createPersistThrottle } from './persist-throttle';
import type { UnsavedAnswers } from './unsaved-answers';

export interface AnswerStreamDeps {
  history: HistoryRepository;
  events: EventBus;
  streamChat: StreamChat;
  logger: Logger;
  persistIntervalMs: number;
  /** Where the answer's writes go; a failed one is kept there until the disk takes it. */
  unsaved: UnsavedAnswers;
  now?: () => number;
}

export type AnswerRequest = Omit<StreamChatRequest, 'onDelta'>;

export interface AnswerResult {
  streamOptionsRejected: boolean;
}

/**
 * Deltas are joined for this long before they go to the UI: ~20 updates a second. Each update costs
 * the renderer a frame of style, layout, paint and layerizing that hardly depends on how much text
 * it adds (BENCHMARKS "sixth round": 48 instead of 32 ms took the page from 49 % to 38 % busy at
 * 500 tok/s, its chunk-to-paint p95 from 74 to 78 ms), and the host a WebSocket message (its largest
 * single cost at a message per upstream frame). The first delta after a quiet spell still goes at
 * once, so a slow stream waits for nothing.
 */
export const DELTA_BATCH_MS = 48;

const addUsage = (before: MessageUsage | null | undefined, after: TokenUsage | null | undefined): MessageUsage | null | undefined => {
  if (!after) return before ?? after;
  if (!before) return after;
  return {
    promptTokens: before.promptTokens + after.promptTokens,
    completionTokens: before.completionTokens + after.completionTokens,
    estimated: before.estimated || after.estimated,
  };
};

/**
 * Streams one answer into a stored assistant message: text and reasoning each grow their own part
 * (a continued answer grows from what it already had), both are written behind a throttle, and
 * the final write carries status, error, reasoning time and usage together. A write the disk refuses
 * does not stop the stream: the text keeps reaching the screen and waits in `unsaved`.
 */
export async function streamAnswer(deps: AnswerStreamDeps, message: Message, request: AnswerRequest): Promise<AnswerResult> {
  const { history, events, streamChat, logger, unsaved } = deps;
  const now = deps.now ?? Date.now;
  const started = now();
  let content = message.content;
  let reasoning = message.reasoning ?? '';
  let reasoningMs: number | null | undefined = undefined;
  let reasoned = false;
  // What arrived since the last progress write: only this goes to disk while streaming (appended),
  // so the growing text is not flattened and copied whole every 300 ms (garbage the host's GC paid for).
  let addedContent = '';
  let addedReasoning = '';
  unsaved.begin(message);
  const throttle = createPersistThrottle(
    () => {
      unsaved.progress(message, content, reasoning, { content: addedContent, reasoning: addedReasoning });
      addedContent = '';
      addedReasoning = '';
    },
    deps.persistIntervalMs,
    (error) => logger.error(`answer ${message.id}: writing its text failed`, error),
  );
  const batcher = createDeltaBatcher(
    (part, offset, text) => events.emit('chat.delta', { conversationId: message.conversationId, messageId: message.id, part, offset, text }),
    DELTA_BATCH_MS,
  );
  const emit = batcher.push;

  const outcome = await streamChat({
    ...request,
    onDelta: (delta) => {
      if (delta.reasoning) {
        reasoned = true;
        emit('reasoning', reasoning.length, delta.reasoning);
        reasoning += delta.reasoning;
        addedReasoning += delta.reasoning;
        throttle.touch();
      }
      if (delta.content) {
        // Thinking ends where the visible answer starts.
        if (reasoned && reasoningMs === undefined) reasoningMs = now() - started;
        emit('content', content.length, delta.content);
        content += delta.content;
        addedContent += delta.content;
        throttle.touch();
      }
    },
  });
  throttle.cancel();
  batcher.close();
  if (reasoned && reasoningMs === undefined) reasoningMs = now() - started;

  let status: Message['status'] = 'done';
  let error: UpstreamError | null = null;
  if (outcome.kind === 'aborted') {
    const reason: unknown = request.signal.reason;
    status = reason instanceof Error && reason.message === 'shutdown' ? 'interrupted' : 'stopped';
  } else if (outcome.kind === 'error') {
    status = 'error';
    error = outcome.error;
    logger.warn(`upstream ${error.code} ${error.status ?? ''} ${error.host ?? ''}${error.path ?? ''}`);
  }
  const finished = unsaved.finish(message, {
    content,
    status,
    error,
    reasoning,
    ...(reasoningMs !== undefined ? { reasoningMs } : {}),
    usage: addUsage(message.usage, outcome.usage) ?? null,
  });
  // Without its text: the deltas carried it (a client that missed some fetches the message).
  if (finished) events.emit('chat.end', streamEndOf(finished));
  try {
    const conversation = history.touchConversation(message.conversationId);
    if (conversation) events.emit('conversation.updated', conversation);
  } catch (touchError) {
    // Only the sidebar order; the answer itself is stored or pending.
    logger.warn(`conversation ${message.conversationId} not moved to the top: ${String(touchError)}`);
  }
  return { streamOptionsRejected: outcome.streamOptionsRejected === true };
}
