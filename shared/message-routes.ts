import { z } from 'zod';
import { ConversationSummary, Id, Message } from './schemas';

/**
 * Routes that give the user control over any message, spread into `routes` in routes.ts: read one,
 * delete a branch (undoable), edit an answer (kept as a sibling), fork into a new conversation.
 */
const route = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const messageRoutes = {
  /**
   * One message as the screen should show it (an answer the disk has not taken yet comes from memory).
   * For a client whose streamed text fell short of a `chat.end`'s lengths (missed deltas).
   */
  'messages.get': route(z.object({ messageId: Id }).strict(), Message),
  /** Deletes the message and everything under it. `undoToken` restores it for a while (messages.restore). */
  'messages.delete': route(
    z.object({ messageId: Id }).strict(),
    z.object({ conversation: ConversationSummary, deletedIds: z.array(Id), undoToken: z.string() }),
  ),
  'messages.restore': route(z.object({ undoToken: z.string().min(1).max(100) }).strict(), z.object({ conversation: ConversationSummary, messages: z.array(Message) })),
  /** An edited copy of an answer, beside it: the original stays one ‹ › away. */
  'messages.editAnswer': route(
    z.object({ messageId: Id, text: z.string().trim().min(1).max(200_000) }).strict(),
    z.object({ conversation: ConversationSummary, message: Message }),
  ),
  /** A new conversation with the path from the first message down to `messageId`; `title` is localized by the UI. */
  'conversations.fork': route(z.object({ messageId: Id, title: z.string().trim().min(1).max(200) }).strict(), ConversationSummary),
} as const;
