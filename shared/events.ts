import { z } from 'zod';
import { ConversationSummary, Id, KeychainStatus, Message, SaveState, StorageStatus, StreamEnd, UpdateStatus } from './schemas';
import { dataEvents } from './data-events';
import { menuEvents } from './menu-routes';

/** Every event main pushes to the UI. */
export const events = {
  /** Text appended to a streaming message. `offset` is the content length before this delta, so a
   * client that missed a delta notices the gap and refetches instead of showing garbled text. */
  'chat.delta': z.object({
    conversationId: Id,
    messageId: Id,
    /** Which part grows: the visible answer or the reasoning; `offset` counts within that part. */
    part: z.enum(['content', 'reasoning']),
    offset: z.number().int().min(0),
    text: z.string(),
  }),
  /**
   * A streamed answer ended (finished, stopped, failed, interrupted): everything but its text, which
   * the deltas before it carried. Sent once per stream, after its last `chat.delta`.
   */
  'chat.end': StreamEnd,
  /** A message changed other than by streaming (created, continued, edited, written after a full disk): the full message. */
  'message.updated': Message,
  /** A conversation was created, renamed or touched. */
  'conversation.updated': ConversationSummary,
  'conversation.deleted': z.object({ id: Id }),
  /** Connections or preferences changed (for other windows / tabs). */
  'connections.changed': z.object({}),
  /** The update status changed (checking, found, download progress, ready to install). */
  'updates.changed': UpdateStatus,
  /** The keychain became unavailable, came back, or a call is waiting on it (e.g. a system prompt). */
  'keychain.status': KeychainStatus,
  /** The history became unwritable (full disk, read-only) or writable again. */
  'storage.status': StorageStatus,
  /** An answer's text on screen is ahead of what is stored (`unsaved` > 0), or caught up again. */
  'message.saveState': SaveState,
  ...dataEvents,
  ...menuEvents,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
export type AnyEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
