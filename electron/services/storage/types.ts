import type { AttachmentStore } from '../attachments/attachment-store';
import type { MessageOpsStore } from '../messages/message-ops-store';
import type { AssistantStore } from '../assistants/assistant-store';
import type { LibraryStore } from './library-store';
import type { MessageWindow } from './message-window';
import type {
  ConversationSettings,
  ConversationSummary,
  Message,
  MessageRole,
  MessageStatus,
  MessageUsage,
  UpstreamError,
} from '../../../shared/schemas';

/** Conversation and message history on disk (SQLite). Synchronous: libsql's API is, and it is fast. */
export interface HistoryRepository extends LibraryStore, AttachmentStore, MessageOpsStore, AssistantStore {
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
  /**
   * The last `size` messages of the path ending at `leafId` and their siblings (message-window.ts);
   * null when that would be the whole conversation.
   */
  messageWindow(conversationId: string, leafId: string | null, size: number): MessageWindow | null;
  getMessage(id: string): Message | null;
  insertMessage(input: {
    conversationId: string;
    parentId: string | null;
    role: MessageRole;
    content: string;
    status: MessageStatus;
    model: string | null;
  }): Message;
  /** Incremental write of a streaming message's text (and reasoning, when given). */
  updateMessageContent(id: string, content: string, reasoning?: string): void;
  /**
   * The same write as only what was added since the last one (answer and reasoning text), appended in
   * SQLite: the growing answer is not handed over (and copied into one flat string) on every write.
   */
  appendMessageContent(id: string, content: string, reasoning: string): void;
  /** Final write: content, status and error together (plus reasoning and usage when given), in one statement. */
  finishMessage(
    id: string,
    patch: {
      content: string;
      status: MessageStatus;
      error: UpstreamError | null;
      reasoning?: string;
      reasoningMs?: number | null;
      usage?: MessageUsage | null;
    },
  ): Message | null;

  /** Points the conversation at a leaf of its tree; null when the message is not in that conversation. */
  setActiveLeaf(conversationId: string, leafId: string): ConversationSummary | null;
  getSettings(conversationId: string): ConversationSettings | null;
  updateSettings(conversationId: string, patch: Partial<ConversationSettings>): ConversationSettings | null;
  /** A finished answer goes back to `streaming` to be continued; null if it is streaming already or missing. */
  reopenMessage(id: string): Message | null;
  /** At start-up: every message left `streaming` by a dead process becomes `interrupted`. Returns how many. */
  markStreamingInterrupted(): number;

  /** Runs `work` in one write transaction: all of its writes are stored, or none (e.g. on a full disk). */
  atomically<T>(work: () => T): T;

  close(): void;
}
