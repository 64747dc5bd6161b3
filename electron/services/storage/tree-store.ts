import type Database from 'libsql';
import { writeReturning } from './transaction';
import type { ConversationSettings, Message } from '../../../shared/schemas';
import { CONVERSATION_COLUMNS, MESSAGE_COLUMNS, toConversation, toMessage, type ConversationRow, type MessageRow } from './rows';
import type { HistoryRepository } from './types';

type TreeMethods = Pick<HistoryRepository, 'setActiveLeaf' | 'getSettings' | 'updateSettings' | 'reopenMessage'>;

interface SettingsRow {
  system_prompt: string | null;
  context_messages: number | null;
  temperature: number | null;
  top_p: number | null;
  max_tokens: number | null;
}

const SETTINGS_COLUMNS = 'system_prompt, context_messages, temperature, top_p, max_tokens';

const toSettings = (row: SettingsRow): ConversationSettings => ({
  systemPrompt: row.system_prompt,
  contextMessages: row.context_messages,
  temperature: row.temperature,
  topP: row.top_p,
  maxTokens: row.max_tokens,
});

/** The message-tree and per-conversation settings statements (schema version 2). */
export function createTreeStore(db: Database.Database, now: () => number, live: () => void): TreeMethods {
  const sql = {
    // The leaf must belong to the conversation: a stale id from another window must not cross over.
    setActiveLeaf: db.prepare(
      `UPDATE conversations SET active_leaf_id = @leafId
       WHERE id = @id AND EXISTS (SELECT 1 FROM messages WHERE id = @leafId AND conversation_id = @id)
       RETURNING ${CONVERSATION_COLUMNS}`,
    ),
    getSettings: db.prepare(`SELECT ${SETTINGS_COLUMNS} FROM conversations WHERE id = ?`),
    updateSettings: db.prepare(
      `UPDATE conversations SET
         system_prompt = @systemPrompt, context_messages = @contextMessages,
         temperature = @temperature, top_p = @topP, max_tokens = @maxTokens
       WHERE id = @id RETURNING ${SETTINGS_COLUMNS}`,
    ),
    // Continue: the answer streams again from where it stopped; its error (if any) is cleared.
    reopenMessage: db.prepare(
      `UPDATE messages SET status = 'streaming', error_json = NULL, updated_at = @now
       WHERE id = @id AND status IN ('stopped', 'interrupted', 'error', 'done')
       RETURNING ${MESSAGE_COLUMNS}`,
    ),
  };

  return {
    setActiveLeaf(conversationId, leafId) {
      live();
      const row = writeReturning(sql.setActiveLeaf, { id: conversationId, leafId }) as ConversationRow | undefined;
      return row ? toConversation(row) : null;
    },
    getSettings(conversationId) {
      live();
      const row = sql.getSettings.get(conversationId) as SettingsRow | undefined;
      return row ? toSettings(row) : null;
    },
    updateSettings(conversationId, patch) {
      live();
      const current = this.getSettings(conversationId);
      if (!current) return null;
      const next = { ...current, ...patch };
      const row = writeReturning(sql.updateSettings, { id: conversationId, ...next }) as SettingsRow | undefined;
      return row ? toSettings(row) : null;
    },
    reopenMessage(id): Message | null {
      live();
      const row = writeReturning(sql.reopenMessage, { id, now: now() }) as MessageRow | undefined;
      return row ? toMessage(row) : null;
    },
  };
}
