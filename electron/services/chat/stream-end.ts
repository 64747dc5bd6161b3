import type { Message, StreamEnd } from '../../../shared/schemas';

/**
 * The `chat.end` of a streamed answer: the finished message without the text its deltas already
 * delivered, plus the lengths that text must have. Sending the text again cost the renderer the
 * answer's size in one task (a 10 MB answer: ~190 ms of WebSocket receive and JSON.parse).
 */
export function streamEndOf(finished: Message): StreamEnd {
  const { content, reasoning, ...message } = finished;
  return { message, contentLength: content.length, reasoningLength: reasoning?.length ?? 0 };
}
