import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'libsql';
import type { ConnectionOffer, ImportFormat, SkipReason } from '../../../shared/schemas';
import { assistantIdFor } from './ids';
import type { ImportedAssistant } from './model';
import type { NormalizedConversation } from './normalize';

/**
 * A scratch SQLite file the parsed import is written to, so a 500 MB export never sits in memory
 * and nothing touches the history until the user confirms. Files that came with messages wait in
 * `<dir>/files/<sha256>`. Dropping the folder undoes everything.
 */
export class StagingStore {
  readonly db: Database.Database;
  readonly dbFile: string;
  readonly filesDir: string;
  conversations = 0;
  messages = 0;
  branched = 0;
  attachments = 0;
  missingAttachments = 0;
  assistants = 0;
  firstAt: number | null = null;
  lastAt: number | null = null;
  sourceVersion: string | null = null;
  readonly skipped = new Map<SkipReason, number>();
  readonly offers: ConnectionOffer[] = [];
  private readonly insert: Record<'conversation' | 'message' | 'attachment' | 'assistant' | 'exists', Database.Statement>;

  constructor(
    readonly dir: string,
    readonly format: ImportFormat,
  ) {
    mkdirSync(dir, { recursive: true });
    this.dbFile = join(dir, 'staging.db');
    this.filesDir = join(dir, 'files');
    this.db = new Database(this.dbFile);
    // Scratch data: no journal, no fsync. A crash leaves a folder that is deleted next time.
    this.db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS conversations (
        id TEXT PRIMARY KEY, title TEXT NOT NULL, title_is_auto INTEGER NOT NULL, created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL, connection_id TEXT, model TEXT, active_leaf_id TEXT, system_prompt TEXT,
        context_messages INTEGER, temperature REAL, top_p REAL, max_tokens INTEGER, pinned INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS messages (
        id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, parent_id TEXT, role TEXT NOT NULL, content TEXT NOT NULL,
        reasoning TEXT NOT NULL, status TEXT NOT NULL, error_json TEXT, model TEXT, created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL, seq INTEGER NOT NULL, reasoning_ms INTEGER, prompt_tokens INTEGER,
        completion_tokens INTEGER, usage_estimated INTEGER);
      CREATE TABLE IF NOT EXISTS attachments (
        id TEXT PRIMARY KEY, message_id TEXT NOT NULL, name TEXT NOT NULL, mime TEXT, size INTEGER, sha256 TEXT, created_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS assistants (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, avatar TEXT, system_prompt TEXT NOT NULL, model TEXT, params_json TEXT NOT NULL, source TEXT);
    `);
    this.db.exec('BEGIN');
    this.insert = {
      exists: this.db.prepare('SELECT 1 AS x FROM conversations WHERE id = ?'),
      conversation: this.db.prepare(`INSERT OR IGNORE INTO conversations VALUES (@id, @title, @title_is_auto, @created_at, @updated_at,
        @connection_id, @model, @active_leaf_id, @system_prompt, @context_messages, @temperature, @top_p, @max_tokens, @pinned)`),
      message: this.db.prepare(`INSERT OR IGNORE INTO messages VALUES (@id, @conversation_id, @parent_id, @role, @content, @reasoning,
        @status, @error_json, @model, @created_at, @updated_at, @seq, @reasoning_ms, @prompt_tokens, @completion_tokens, @usage_estimated)`),
      attachment: this.db.prepare(`INSERT OR IGNORE INTO attachments VALUES (@id, @message_id, @name, @mime, @size, @sha256, @created_at)`),
      assistant: this.db.prepare(`INSERT OR IGNORE INTO assistants VALUES (@id, @name, @avatar, @system_prompt, @model, @params_json, @source)`),
    };
  }

  skip(reason: SkipReason, count = 1): void {
    if (count > 0) this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + count);
  }

  addConversation(n: NormalizedConversation): void {
    // The same conversation twice in one file (a ChatGPT export never does; a hand-merged one may): first wins.
    if (this.insert.exists.get(n.conversation.id)) return;
    this.insert.conversation.run(n.conversation);
    for (const m of n.messages) this.insert.message.run(m);
    for (const a of n.attachments) {
      const { data, ...row } = a;
      this.insert.attachment.run(row);
      if (data && row.sha256) {
        mkdirSync(this.filesDir, { recursive: true });
        const target = join(this.filesDir, row.sha256);
        if (!existsSync(target)) writeFileSync(target, data);
        this.attachments++;
      } else this.missingAttachments++;
    }
    this.conversations++;
    this.messages += n.messages.length;
    if (n.branched) this.branched++;
    const first = n.conversation.created_at;
    const last = n.messages.reduce((max, m) => Math.max(max, m.created_at), first);
    this.firstAt = this.firstAt === null ? first : Math.min(this.firstAt, first);
    this.lastAt = this.lastAt === null ? last : Math.max(this.lastAt, last);
  }

  addAssistant(a: ImportedAssistant): void {
    const result = this.insert.assistant.run({
      id: this.format === 'ferry' ? a.sourceId : assistantIdFor(this.format, a.sourceId),
      name: a.name,
      avatar: a.avatar,
      system_prompt: a.systemPrompt,
      model: a.model,
      params_json: JSON.stringify(a.params),
      source: this.format,
    });
    if (result.changes > 0) this.assistants++;
  }

  addOffer(offer: ConnectionOffer): void {
    if (!this.offers.some((o) => o.kind === offer.kind && o.name === offer.name && o.baseUrl === offer.baseUrl)) this.offers.push(offer);
  }

  /** Ends writing: the file is complete and can be attached to the history. */
  finish(): void {
    if (this.db.inTransaction) this.db.exec('COMMIT');
    this.db.close();
  }

  discard(): void {
    try {
      if (this.db.open) this.db.close();
    } catch {
      // closing a broken scratch file changes nothing
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
