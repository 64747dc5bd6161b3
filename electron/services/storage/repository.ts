import { randomUUID } from 'node:crypto';
import type Database from 'libsql';
import { FerryError } from '../../core/app-error';
import type { ConversationSummary, Message } from '../../../shared/schemas';
import {
  CONVERSATION_COLUMNS,
  MESSAGE_COLUMNS,
  serializeError,
  toConversation,
  toMessage,
  type ConversationRow,
  type MessageRow,
} from './rows';
import { createAttachmentStore } from '../attachments/attachment-store';
import { createMessageOpsStore } from '../messages/message-ops-store';
import { createAssistantStore } from '../assistants/assistant-store';
import { createLibraryStore } from './library-store';
import { inTransaction, writeReturning } from './transaction';
import { createTreeStore } from './tree-store';
import { createMessageWindowStore } from './message-window';
import type { HistoryRepository } from './types';

/**
 * Ordering relies on updated_at, and Date.now() ties within a millisecond, so each repository
 * hands out strictly increasing times (a burst drifts by a few ms at most).
 */
function monotonicClock(): () => number {
  let last = 0;
  return () => (last = Math.max(Date.now(), last + 1));
}

/** Builds the repository over an open, migrated database. Every statement is prepared once, here. */
export function createRepository(db: Database.Database, options: { readOnly?: boolean } = {}): HistoryRepository {
  const now = monotonicClock();
  let closed = false;

  const sql = {
    listConversations: db.prepare(
      `SELECT ${CONVERSATION_COLUMNS} FROM conversations ORDER BY updated_at DESC, rowid DESC`,
    ),
    getConversation: db.prepare(`SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE id = ?`),
    insertConversation: db.prepare(
      `INSERT INTO conversations (id, title, title_is_auto, created_at, updated_at, connection_id, model)
       VALUES (@id, @title, 1, @now, @now, @connectionId, @model)
       RETURNING ${CONVERSATION_COLUMNS}`,
    ),
    // A rename does not move the conversation to the top of the list: nothing new was said.
    renameConversation: db.prepare(
      `UPDATE conversations SET title = @title, title_is_auto = 0 WHERE id = @id RETURNING ${CONVERSATION_COLUMNS}`,
    ),
    touchConversation: db.prepare(
      `UPDATE conversations SET
         updated_at = @now,
         connection_id = CASE WHEN @setConnection THEN @connectionId ELSE connection_id END,
         model = CASE WHEN @setModel THEN @model ELSE model END
       WHERE id = @id
       RETURNING ${CONVERSATION_COLUMNS}`,
    ),
    deleteConversation: db.prepare('DELETE FROM conversations WHERE id = ?'),
    listMessages: db.prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? ORDER BY seq`),
    getMessage: db.prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id = ?`),
    bumpConversation: db.prepare('UPDATE conversations SET updated_at = @now WHERE id = @id'),
    insertMessage: db.prepare(
      `INSERT INTO messages
         (id, conversation_id, parent_id, role, content, status, error_json, model, created_at, updated_at, seq)
       VALUES (@id, @conversationId, @parentId, @role, @content, @status, NULL, @model, @now, @now,
         (SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = @conversationId))
       RETURNING ${MESSAGE_COLUMNS}`,
    ),
    // Only while streaming: a throttled write that fires after finishMessage must not
    // overwrite the final content.
    updateMessageContent: db.prepare(
      `UPDATE messages SET content = @content, reasoning = COALESCE(@reasoning, reasoning), updated_at = @now
       WHERE id = @id AND status = 'streaming'`,
    ),
    appendMessageContent: db.prepare(
      `UPDATE messages SET content = content || @content, reasoning = reasoning || @reasoning, updated_at = @now
       WHERE id = @id AND status = 'streaming'`,
    ),
    finishMessage: db.prepare(
      `UPDATE messages SET content = @content, status = @status, error_json = @errorJson, updated_at = @now,
         reasoning = COALESCE(@reasoning, reasoning),
         reasoning_ms = CASE WHEN @setReasoningMs THEN @reasoningMs ELSE reasoning_ms END,
         prompt_tokens = CASE WHEN @setUsage THEN @promptTokens ELSE prompt_tokens END,
         completion_tokens = CASE WHEN @setUsage THEN @completionTokens ELSE completion_tokens END,
         usage_estimated = CASE WHEN @setUsage THEN @usageEstimated ELSE usage_estimated END
       WHERE id = @id RETURNING ${MESSAGE_COLUMNS}`,
    ),
    markStreamingInterrupted: db.prepare(
      `UPDATE messages SET status = 'interrupted', updated_at = @now WHERE status = 'streaming'`,
    ),
  };

  // libsql keeps serving prepared statements after close(); fail loudly instead of writing to a
  // database the owner believes is closed.
  const live = (): void => {
    if (closed) throw new Error('The history database is closed');
  };
  const conversationOrNull = (row: unknown): ConversationSummary | null =>
    row === undefined ? null : toConversation(row as ConversationRow);
  const messageOrNull = (row: unknown): Message | null => (row === undefined ? null : toMessage(row as MessageRow));

  const insertMessageTx = (input: Parameters<HistoryRepository['insertMessage']>[0]): Message => inTransaction(db, () => {
    const at = now();
    const bumped = sql.bumpConversation.run({ id: input.conversationId, now: at });
    if (bumped.changes === 0) {
      throw new FerryError('not_found', `Conversation ${input.conversationId} does not exist`);
    }
    const row = writeReturning(sql.insertMessage, {
      id: randomUUID(),
      conversationId: input.conversationId,
      parentId: input.parentId,
      role: input.role,
      content: input.content,
      status: input.status,
      model: input.model,
      now: at,
    });
    return toMessage(row as MessageRow);
  });

  return {
    listConversations() {
      live();
      return (sql.listConversations.all() as ConversationRow[]).map(toConversation);
    },
    getConversation(id) {
      live();
      return conversationOrNull(sql.getConversation.get(id));
    },
    createConversation({ title, connectionId, model }) {
      live();
      const row = writeReturning(sql.insertConversation, { id: randomUUID(), title, connectionId, model, now: now() });
      return toConversation(row as ConversationRow);
    },
    renameConversation(id, title) {
      live();
      return conversationOrNull(writeReturning(sql.renameConversation, { id, title }));
    },
    touchConversation(id, patch = {}) {
      live();
      return conversationOrNull(
        writeReturning(sql.touchConversation, {
          id,
          now: now(),
          setConnection: patch.connectionId === undefined ? 0 : 1,
          connectionId: patch.connectionId ?? null,
          setModel: patch.model === undefined ? 0 : 1,
          model: patch.model ?? null,
        }),
      );
    },
    deleteConversation(id) {
      live();
      return sql.deleteConversation.run(id).changes > 0;
    },
    listMessages(conversationId) {
      live();
      return (sql.listMessages.all(conversationId) as MessageRow[]).map(toMessage);
    },
    getMessage(id) {
      live();
      return messageOrNull(sql.getMessage.get(id));
    },
    insertMessage(input) {
      live();
      return insertMessageTx(input);
    },
    updateMessageContent(id, content, reasoning) {
      live();
      sql.updateMessageContent.run({ id, content, reasoning: reasoning ?? null, now: now() });
    },
    appendMessageContent(id, content, reasoning) {
      live();
      sql.appendMessageContent.run({ id, content, reasoning, now: now() });
    },
    finishMessage(id, { content, status, error, reasoning, reasoningMs, usage }) {
      live();
      return messageOrNull(
        writeReturning(sql.finishMessage, {
          id,
          content,
          status,
          errorJson: serializeError(error),
          now: now(),
          reasoning: reasoning ?? null,
          setReasoningMs: reasoningMs === undefined ? 0 : 1,
          reasoningMs: reasoningMs ?? null,
          setUsage: usage === undefined ? 0 : 1,
          promptTokens: usage?.promptTokens ?? null,
          completionTokens: usage?.completionTokens ?? null,
          usageEstimated: usage ? (usage.estimated ? 1 : 0) : null,
        }),
      );
    },
    ...createTreeStore(db, now, live),
    ...createMessageWindowStore(db, live),
    ...createLibraryStore(db, now, live),
    ...createAttachmentStore(db, now, live),
    ...createMessageOpsStore(db, now, live),
    ...createAssistantStore(db, now, live),
    markStreamingInterrupted() {
      live();
      return sql.markStreamingInterrupted.run({ now: now() }).changes;
    },
    atomically(work) {
      live();
      return inTransaction(db, work);
    },
    close() {
      if (closed) return;
      closed = true;
      try {
        // Fold the WAL back into the main file so a copied history.db alone is complete. On a full
        // or read-only disk this fails, harmlessly: the WAL stays and is folded in next time.
        if (!options.readOnly) db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      } catch {
        // See above.
      } finally {
        db.close();
      }
    },
  };
}
