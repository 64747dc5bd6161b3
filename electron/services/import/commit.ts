import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'libsql';
import type { AssistantFields } from '../../../shared/schemas';
import { createAssistantStore } from '../assistants/assistant-store';
import { ATTACHMENT_COLUMNS, LINK_COLUMNS } from '../attachments/attachment-store';
import { adoptFileSync } from '../attachments/blob-files';
import { openDatabase } from '../storage/sqlite-engine';

/** Counts of what the staged import would add to the history. */
export interface StagedComparison {
  alreadyImported: number;
  newMessages: number;
}

const BUSY_TIMEOUT_MS = 10_000;

function withHistory<T>(dbFile: string, stagingFile: string, fn: (db: Database.Database) => T): T {
  const db = openDatabase(dbFile, { fileMustExist: true });
  try {
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.exec('PRAGMA foreign_keys = ON');
    db.prepare('ATTACH DATABASE ? AS staging').run(stagingFile);
    try {
      return fn(db);
    } finally {
      db.exec('DETACH DATABASE staging');
    }
  } finally {
    db.close();
  }
}

const count = (db: Database.Database, sql: string): number => Number(Object.values(db.prepare(sql).get() as Record<string, unknown>)[0]);

export function compareWithHistory(dbFile: string, stagingFile: string): StagedComparison {
  return withHistory(dbFile, stagingFile, (db) => ({
    alreadyImported: count(db, `SELECT count(*) FROM staging.conversations s JOIN main.conversations c ON c.id = s.id WHERE c.deleted_at IS NULL`),
    newMessages: count(db, `SELECT count(*) FROM staging.messages s WHERE NOT EXISTS (SELECT 1 FROM main.messages m WHERE m.id = s.id)`),
  }));
}

export interface CommitResult {
  conversations: number;
  messages: number;
  assistants: number;
  prompts: number;
  /** Conversations that got new rows (for events). */
  touched: string[];
}

/**
 * Moves the staged import into the history in one IMMEDIATE transaction: all of it or none of it.
 * Existing rows are never overwritten (stable ids make a second import of the same file add
 * nothing); a conversation in the trash is brought back. The search index follows through the
 * history's own triggers. Attachments land in issue 11's tables (a file already there is the same
 * file); assistants and prompts go through the assistants store, the editor's own door.
 */
export function commitStaged(dbFile: string, stagingFile: string, now: number): CommitResult {
  return withHistory(dbFile, stagingFile, (db) => {
    const assistantStore = createAssistantStore(db, () => now, () => undefined);
    return db
      .transaction((): CommitResult => {
        const touched = (db.prepare(
          `SELECT DISTINCT s.conversation_id AS id FROM staging.messages s WHERE NOT EXISTS (SELECT 1 FROM main.messages m WHERE m.id = s.id)`,
        ).all() as { id: string }[]).map((r) => r.id);
        const revived = db.prepare(
          `UPDATE main.conversations SET deleted_at = NULL WHERE deleted_at IS NOT NULL AND id IN (SELECT id FROM staging.conversations)`,
        ).run().changes;
        const conversations = db.prepare(
          `INSERT INTO main.conversations (id, title, title_is_auto, created_at, updated_at, connection_id, model, active_leaf_id,
             system_prompt, context_messages, temperature, top_p, max_tokens, pinned, assistant_id)
           SELECT id, title, title_is_auto, created_at, updated_at, connection_id, model, active_leaf_id,
             system_prompt, context_messages, temperature, top_p, max_tokens, pinned, assistant_id
           FROM staging.conversations WHERE true
           ON CONFLICT(id) DO NOTHING`,
        ).run().changes;
        const newMessages = db.prepare(
          `INSERT INTO main.messages (id, conversation_id, parent_id, role, content, status, error_json, model, created_at, updated_at, seq,
             reasoning, reasoning_ms, prompt_tokens, completion_tokens, usage_estimated)
           SELECT s.id, s.conversation_id, s.parent_id, s.role, s.content, s.status, s.error_json, s.model, s.created_at, s.updated_at,
             s.seq + COALESCE((SELECT MAX(m.seq) FROM main.messages m WHERE m.conversation_id = s.conversation_id), 0),
             s.reasoning, s.reasoning_ms, s.prompt_tokens, s.completion_tokens, s.usage_estimated
           FROM staging.messages s WHERE true
           ON CONFLICT(id) DO NOTHING`,
        ).run().changes;
        // Content-addressed: a row already here describes the same bytes. created_at is now, as for a
        // file added in the composer (the clean-up's grace period counts from it).
        db.prepare(
          `INSERT INTO main.attachments (${ATTACHMENT_COLUMNS}, created_at)
           SELECT ${ATTACHMENT_COLUMNS}, ? FROM staging.attachments WHERE true ON CONFLICT(id) DO NOTHING`,
        ).run(now);
        // Links of messages already in the history stay as they are; a link to a file neither side has is left out.
        db.prepare(
          `INSERT INTO main.message_attachments (${LINK_COLUMNS})
           SELECT ${LINK_COLUMNS} FROM staging.message_attachments s
           WHERE EXISTS (SELECT 1 FROM main.attachments a WHERE a.id = s.attachment_id)
             AND EXISTS (SELECT 1 FROM main.messages m WHERE m.id = s.message_id)
           ON CONFLICT(message_id, position) DO NOTHING`,
        ).run();
        let assistants = 0;
        for (const row of db.prepare('SELECT id, source, fields_json FROM staging.assistants').all() as { id: string; source: string | null; fields_json: string }[]) {
          if (assistantStore.getAssistant(row.id)) continue;
          assistantStore.createAssistant(JSON.parse(row.fields_json) as AssistantFields, row.source, row.id);
          assistants++;
        }
        let prompts = 0;
        const promptExists = db.prepare('SELECT 1 AS x FROM main.prompts WHERE id = ?');
        for (const row of db.prepare('SELECT id, title, body FROM staging.prompts').all() as { id: string; title: string; body: string }[]) {
          if (promptExists.get(row.id)) continue;
          assistantStore.createPrompt({ title: row.title, body: row.body }, row.id);
          prompts++;
        }
        return { conversations: conversations + revived, messages: newMessages, assistants, prompts, touched };
      })
      .immediate();
  });
}

/**
 * Puts the staged files into the attachments store (before the rows that name them are committed,
 * so a row never points at a missing file). Content-addressed: a file already there is the same file.
 */
export function moveStagedFiles(filesDir: string, attachmentsDir: string): void {
  if (!existsSync(filesDir)) return;
  for (const name of readdirSync(filesDir)) adoptFileSync(attachmentsDir, name, join(filesDir, name));
}
