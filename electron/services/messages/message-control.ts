import { randomUUID } from 'node:crypto';
import { activePath, newestLeafUnder } from '../../../shared/message-tree';
import type { ConversationSummary, Message } from '../../../shared/schemas';
import { FerryError } from '../../core/app-error';
import type { EventBus } from '../../core/event-bus';
import type { HistoryRepository } from '../storage/types';
import type { RemovedBranch } from './message-ops-store';
import { subtreeIds } from './subtree';

/** How long a deleted branch can be brought back (the UI offers Undo for a few seconds). */
const UNDO_TTL_MS = 10 * 60_000;

export interface MessageControlDeps {
  history: HistoryRepository;
  events: EventBus;
  /** Stops any answer streaming in the branch before it is deleted. */
  stop(messageId: string): boolean;
  /** Messages with their attachments, as the UI shows them. */
  withRefs(conversationId: string, messages: Message[]): Message[];
  now?: () => number;
}

/** Delete any message with its branch (undoable), edit an answer as a sibling, fork from any message. */
export class MessageControl {
  private readonly undo = new Map<string, { branch: RemovedBranch; at: number }>();
  private readonly now: () => number;

  constructor(private readonly deps: MessageControlDeps) {
    this.now = deps.now ?? Date.now;
  }

  delete(messageId: string): { conversation: ConversationSummary; deletedIds: string[]; undoToken: string } {
    const { history, events } = this.deps;
    const message = this.message(messageId);
    const all = history.listMessages(message.conversationId);
    const conversation = this.conversation(message.conversationId);
    // What stays on screen: the current path if it does not run through the deleted branch, else the
    // newest leaf beside it (under the same parent), else the newest message left.
    const doomed = new Set(subtreeIds(all, messageId));
    for (const id of doomed) this.deps.stop(id);
    const remaining = all.filter((m) => !doomed.has(m.id));
    const current = activePath(all, conversation.activeLeafId).at(-1);
    const nextLeaf =
      current && !doomed.has(current.id)
        ? current.id
        : ((message.parentId ? newestLeafUnder(remaining, message.parentId)?.id : undefined) ??
          remaining.reduce<Message | null>((a, m) => (!a || m.createdAt > a.createdAt ? m : a), null)?.id ??
          null);
    const branch = history.removeBranch(message.conversationId, messageId, nextLeaf);
    this.expire();
    const undoToken = randomUUID();
    this.undo.set(undoToken, { branch, at: this.now() });
    const updated = this.conversation(message.conversationId);
    events.emit('conversation.updated', updated);
    return { conversation: updated, deletedIds: [...doomed], undoToken };
  }

  restore(undoToken: string): { conversation: ConversationSummary; messages: Message[] } {
    this.expire();
    const entry = this.undo.get(undoToken);
    if (!entry) throw new FerryError('not_found', 'Nothing to undo any more');
    this.undo.delete(undoToken);
    const { branch } = entry;
    if (!this.deps.history.getConversation(branch.conversationId)) throw new FerryError('not_found', 'Conversation not found');
    this.deps.history.restoreBranch(branch);
    const conversation = this.conversation(branch.conversationId);
    this.deps.events.emit('conversation.updated', conversation);
    const ids = new Set(branch.messages.map((m) => String(m.id)));
    const messages = this.deps.withRefs(branch.conversationId, this.deps.history.listMessages(branch.conversationId).filter((m) => ids.has(m.id)));
    return { conversation, messages };
  }

  editAnswer(messageId: string, text: string): { conversation: ConversationSummary; message: Message } {
    const { history, events } = this.deps;
    const original = this.message(messageId);
    if (original.role !== 'assistant') throw new FerryError('invalid_input', 'Only an answer is edited in place; a question is edited and sent again');
    if (original.status === 'streaming') throw new FerryError('busy', 'This answer is still streaming');
    const message = history.insertMessage({
      conversationId: original.conversationId,
      parentId: original.parentId,
      role: 'assistant',
      content: text,
      status: 'done',
      model: original.model,
    });
    history.setActiveLeaf(original.conversationId, message.id);
    const conversation = this.conversation(original.conversationId);
    events.emit('message.updated', message);
    events.emit('conversation.updated', conversation);
    return { conversation, message };
  }

  fork(messageId: string, title: string): ConversationSummary {
    const { history, events } = this.deps;
    const message = this.message(messageId);
    const path = activePath(history.listMessages(message.conversationId), messageId);
    const id = history.forkConversation(message.conversationId, path.map((m) => m.id), title);
    const conversation = this.conversation(id);
    events.emit('conversation.updated', conversation);
    return conversation;
  }

  private expire(): void {
    const cutoff = this.now() - UNDO_TTL_MS;
    for (const [token, entry] of this.undo) if (entry.at < cutoff) this.undo.delete(token);
  }

  private message(id: string): Message {
    const message = this.deps.history.getMessage(id);
    if (!message || this.deps.history.isConversationDeleted(message.conversationId)) throw new FerryError('not_found', 'Message not found');
    return message;
  }

  private conversation(id: string): ConversationSummary {
    const conversation = this.deps.history.getConversation(id);
    if (!conversation) throw new FerryError('not_found', 'Conversation not found');
    return conversation;
  }
}
