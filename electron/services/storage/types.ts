import type { ConversationSummary, Message, MessageRole, MessageStatus, UpstreamError } from '../../../shared/schemas';

/** Conversation and message history on disk (SQLite). Synchronous: libsql's API is, and it is fast. */
export interface HistoryRepository {
  /** Newest first (by updatedAt). */
  listConversations(): ConversationSummary[];
  getConversation(id: string): ConversationSummary | null;
  createConversation(input: { title: string; connectionId: string | null; model: string | null }): ConversationSummary;
  renameConversation(id: string, title: string): ConversationSummary | null;
  /** Bumps updatedAt (and optionally sets connection/model). */
  touchConversation(id: string, patch?: { connectionId?: string | null; model?: string | null }): ConversationSummary | null;
  /** Deletes the conversation and all its messages. Returns false when it did not exist. */
  deleteConversation(id: string): boolean;

  /** Messages of a conversation in creation order. */
  listMessages(conversationId: string): Message[];
  getMessage(id: string): Message | null;
  insertMessage(input: {
    conversationId: string;
    parentId: string | null;
    role: MessageRole;
    content: string;
    status: MessageStatus;
    model: string | null;
  }): Message;
  /** Incremental write of a streaming message's text. */
  updateMessageContent(id: string, content: string): void;
  /** Final write: content, status and error together, in one statement. */
  finishMessage(id: string, patch: { content: string; status: MessageStatus; error: UpstreamError | null }): Message | null;
  /** At start-up: every message left `streaming` by a dead process becomes `interrupted`. Returns how many. */
  markStreamingInterrupted(): number;

  close(): void;
}
