import type { AnyEvent } from '../../../shared/events';
import type { Message, StreamEnd } from '../../../shared/schemas';

/**
 * The message a client that took every event up to `end` shows: the last full copy
 * (`message.updated`) of it, or nothing for a new answer, with each `chat.delta` placed at its offset,
 * then the `chat.end`'s state. Throws when the deltas leave a gap or their text falls short of the
 * end's lengths: then a client would have had to fetch the message, and the events did not carry
 * the answer as the contract promises.
 */
export function streamedMessage(events: readonly AnyEvent[], end: StreamEnd): Message {
  const { id } = end.message;
  const text = { content: '', reasoning: '' };
  for (const e of events) {
    if (e.name === 'chat.end' && e.payload === end) break;
    if (e.name === 'message.updated' && e.payload.id === id) {
      text.content = e.payload.content;
      text.reasoning = e.payload.reasoning ?? '';
    } else if (e.name === 'chat.delta' && e.payload.messageId === id) {
      const { part, offset } = e.payload;
      if (offset !== text[part].length) throw new Error(`${part} delta at ${offset} does not join the ${text[part].length} characters before it`);
      text[part] += e.payload.text;
    }
  }
  if (text.content.length !== end.contentLength || text.reasoning.length !== end.reasoningLength) {
    throw new Error(
      `streamed ${text.content.length} + ${text.reasoning.length} characters, the end says ${end.contentLength} + ${end.reasoningLength}`,
    );
  }
  return { ...end.message, ...text };
}
