import { existsSync, mkdirSync, readdirSync, renameSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'libsql';

/** Counts of what the staged import would add to the history. */
export interface StagedComparison {
  alreadyImported: number;
  newMessages: number;
}

const BUSY_TIMEOUT_MS = 10_000;

function withHistory<T>(dbFile: string, stagingFile: string, fn: (db: Database.Database) => T): T {
  const db = new Database(dbFile, { fileMustExist: true });
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
  /** Conversations that got new rows (for events). */
  touched: string[];
}

/**
 * Moves the staged import into the history in one IMMEDIATE transaction: all of it or none of it.
 * Existing rows are never overwritten (stable ids make a second import of the same file add
 * nothing); a conversation in the trash is brought back. The search index follows through the
 * history's own triggers.
 */
export function commitStaged(dbFile: string, stagingFile: string, now: number): CommitResult {
  return withHistory(dbFile, stagingFile, (db) =>
    db
      .transaction((): CommitResult => {
        const touched = (db.prepare(
          `SELECT DISTINCT s.conversation_id AS id FROM staging.messages s WHERE NOT EXISTS (SELECT 1 FROM main.messages m WHERE m.id = s.id)`,
        ).all() as { id: string }[]).map((r) => r.id);
        const revived = db.prepare(
          `UPDATE main.conversations SET deleted_at = NULL WHERE deleted_at IS NOT NULL AND id IN (SELECT id FROM staging.conversations)`,
        ).run().changes;
        const conversations = db.prepare(
          `INSERT INTO main.conversations (id, title, title_is_auto, created_at, updated_at, connection_id, model, active_leaf_id,
             system_prompt, context_messages, temperature, top_p, max_tokens, pinned)
           SELECT id, title, title_is_auto, created_at, updated_at, connection_id, model, active_leaf_id,
             system_prompt, context_messages, temperature, top_p, max_tokens, pinned
           FROM staging.conversations WHERE true
           ON CONFLICT(id) DO NOTHING`,
        ).run().changes;
        const messages = db.prepare(
          `INSERT INTO main.messages (id, conversation_id, parent_id, role, content, status, error_json, model, created_at, updated_at, seq,
             reasoning, reasoning_ms, prompt_tokens, completion_tokens, usage_estimated)
           SELECT s.id, s.conversation_id, s.parent_id, s.role, s.content, s.status, s.error_json, s.model, s.created_at, s.updated_at,
             s.seq + COALESCE((SELECT MAX(m.seq) FROM main.messages m WHERE m.conversation_id = s.conversation_id), 0),
             s.reasoning, s.reasoning_ms, s.prompt_tokens, s.completion_tokens, s.usage_estimated
           FROM staging.messages s WHERE true
           ON CONFLICT(id) DO NOTHING`,
        ).run().changes;
        db.prepare(
          `INSERT INTO main.message_attachments (id, message_id, name, mime, size, sha256, created_at)
           SELECT id, message_id, name, mime, size, sha256, created_at FROM staging.attachments WHERE true ON CONFLICT(id) DO NOTHING`,
        ).run();
        const assistants = db.prepare(
          `INSERT INTO main.assistants (id, name, avatar, system_prompt, model, params_json, source, created_at, updated_at)
           SELECT id, name, avatar, system_prompt, model, params_json, source, ?, ? FROM staging.assistants WHERE true
           ON CONFLICT(id) DO NOTHING`,
        ).run(now, now).changes;
        return { conversations: conversations + revived, messages, assistants, touched };
      })
      .immediate(),
  );
}

/** Content-addressed: a file already there (same hash) is the same file. */
export function moveStagedFiles(filesDir: string, attachmentsDir: string): void {
  if (!existsSync(filesDir)) return;
  mkdirSync(attachmentsDir, { recursive: true });
  for (const name of readdirSync(filesDir)) {
    const target = join(attachmentsDir, name);
    if (existsSync(target)) continue;
    try {
      renameSync(join(filesDir, name), target);
    } catch {
      copyFileSync(join(filesDir, name), target);
    }
  }
}
