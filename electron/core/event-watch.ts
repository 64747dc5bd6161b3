import type { AnyEvent } from '../../shared/events';
import { Id } from '../../shared/schemas/common';

/**
 * Which events a page gets. Each page says which conversation it shows (its "watch"); streamed
 * text of every other conversation is not sent to it. The page would drop it anyway (nothing on
 * screen to update, and opening that conversation fetches its text), but each message still cost
 * it a task: with ten answers streaming, nine tenths of its messages were for nothing.
 * Everything else (ends, updated messages and conversations, settings) goes to every page, and a
 * page that has not said (null: a new chat whose id it does not know yet) gets everything.
 *
 * Text missed this way is found again as it is today after any lost delta: a gap in the offsets,
 * or the end's lengths, makes the page fetch the message.
 */
export const WatchInput = Id.nullable();

export function deliversTo(watched: string | null, event: AnyEvent): boolean {
  return watched === null || event.name !== 'chat.delta' || event.payload.conversationId === watched;
}

/** The watch a page sent, or null if what it sent is not one (a broken page loses nothing but the saving). */
export function parseWatch(input: unknown): string | null {
  const parsed = WatchInput.safeParse(input);
  return parsed.success ? parsed.data : null;
}
