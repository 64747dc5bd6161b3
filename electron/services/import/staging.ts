import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'libsql';
import { PromptFields, type ConnectionOffer, type ImportFormat, type SkipReason } from '../../../shared/schemas';
import { ATTACHMENT_COLUMNS, LINK_COLUMNS } from '../attachments/attachment-store';
import { openDatabase } from '../storage/sqlite-engine';
import { toAssistantFields } from './assistant-fields';
import { assistantIdFor, promptIdFor } from './ids';
import type { ImportedAssistant, ImportedPrompt, PreparedAttachment } from './model';
import type { NormalizedConversation } from './normalize';


/**
 * A scratch SQLite file the parsed import is written to, so a 500 MB export never sits in memory
 * and nothing touches the history until the user confirms. Attachments are already in the shape of
 * Ferry's own (`attachments` rows, `message_attachments` links); their bytes wait in
 * `<dir>/files/<id>`. Dropping the folder undoes everything.
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
  prompts = 0;
  firstAt: number | null = null;
  lastAt: number | null = null;
  sourceVersion: string | null = null;
  readonly skipped = new Map<SkipReason, number>();
  readonly offers: ConnectionOffer[] = [];
  private readonly insert: Record<'conversation' | 'message' | 'attachment' | 'link' | 'assistant' | 'prompt' | 'exists', Database.Statement>;

  constructor(
    readonly dir: string,
    readonly format: ImportFormat,
  ) {
    mkdirSync(dir, { recursive: true });
    this.dbFile = join(dir, 'staging.db');
    this.filesDir = join(dir, 'files');
    this.db = openDatabase(this.dbFile);
    // Scratch data: no journal, no fsync. A crash leaves a folder that is deleted next time.
    this.db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS conversations (
        id TEXT PRIMARY KEY, title TEXT NOT NULL, title_is_auto INTEGER NOT NULL, created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL, connection_id TEXT, model TEXT, active_leaf_id TEXT, system_prompt TEXT,
        context_messages INTEGER, temperature REAL, top_p REAL, max_tokens INTEGER, pinned INTEGER NOT NULL, assistant_id TEXT);
      CREATE TABLE IF NOT EXISTS messages (
        id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, parent_id TEXT, role TEXT NOT NULL, content TEXT NOT NULL,
        reasoning TEXT NOT NULL, status TEXT NOT NULL, error_json TEXT, model TEXT, created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL, seq INTEGER NOT NULL, reasoning_ms INTEGER, prompt_tokens INTEGER,
        completion_tokens INTEGER, usage_estimated INTEGER);
      CREATE TABLE IF NOT EXISTS attachments (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, mime TEXT NOT NULL, original_size INTEGER NOT NULL, size INTEGER NOT NULL,
        width INTEGER, height INTEGER, pages INTEGER, text TEXT, tokens INTEGER NOT NULL, truncated INTEGER NOT NULL, thumbnail TEXT);
      CREATE TABLE IF NOT EXISTS message_attachments (
        message_id TEXT NOT NULL, position INTEGER NOT NULL, attachment_id TEXT NOT NULL, name TEXT NOT NULL,
        PRIMARY KEY (message_id, position));
      CREATE TABLE IF NOT EXISTS assistants (id TEXT PRIMARY KEY, source TEXT, fields_json TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS prompts (id TEXT PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL);
    `);
    this.db.exec('BEGIN');
    this.insert = {
      exists: this.db.prepare('SELECT 1 AS x FROM conversations WHERE id = ?'),
      conversation: this.db.prepare(`INSERT OR IGNORE INTO conversations VALUES (@id, @title, @title_is_auto, @created_at, @updated_at,
        @connection_id, @model, @active_leaf_id, @system_prompt, @context_messages, @temperature, @top_p, @max_tokens, @pinned, @assistant_id)`),
      message: this.db.prepare(`INSERT OR IGNORE INTO messages VALUES (@id, @conversation_id, @parent_id, @role, @content, @reasoning,
        @status, @error_json, @model, @created_at, @updated_at, @seq, @reasoning_ms, @prompt_tokens, @completion_tokens, @usage_estimated)`),
      attachment: this.db.prepare(`INSERT OR IGNORE INTO attachments (${ATTACHMENT_COLUMNS})
        VALUES (@id, @kind, @mime, @originalSize, @size, @width, @height, @pages, @text, @tokens, @truncated, @thumbnail)`),
      link: this.db.prepare(`INSERT OR IGNORE INTO message_attachments (${LINK_COLUMNS}) VALUES (@message_id, @position, @attachment_id, @name)`),
      assistant: this.db.prepare('INSERT OR IGNORE INTO assistants VALUES (@id, @source, @fields_json)'),
      prompt: this.db.prepare('INSERT OR IGNORE INTO prompts VALUES (@id, @title, @body)'),
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
    for (const link of n.links) this.insert.link.run(link);
    for (const prepared of n.attachments) this.addAttachment(prepared);
    this.attachments += n.links.length;
    this.missingAttachments += n.missingAttachments;
    this.conversations++;
    this.messages += n.messages.length;
    if (n.branched) this.branched++;
    const first = n.conversation.created_at;
    const last = n.messages.reduce((max, m) => Math.max(max, m.created_at), first);
    this.firstAt = this.firstAt === null ? first : Math.min(this.firstAt, first);
    this.lastAt = this.lastAt === null ? last : Math.max(this.lastAt, last);
  }

  /** A file the import brings: its row, and its bytes unless Ferry has them already. */
  addAttachment({ stored, bytes }: PreparedAttachment): void {
    this.insert.attachment.run({ ...stored, truncated: stored.truncated ? 1 : 0 });
    if (!bytes) return;
    mkdirSync(this.filesDir, { recursive: true });
    const target = join(this.filesDir, stored.id);
    if (!existsSync(target)) writeFileSync(target, bytes);
  }

  addAssistant(a: ImportedAssistant): void {
    const fields = toAssistantFields(a);
    if (!fields) return this.skip('invalid_item');
    const ferry = this.format === 'ferry';
    const result = this.insert.assistant.run({
      id: ferry ? a.sourceId : assistantIdFor(this.format, a.sourceId),
      source: ferry ? (a.source ?? null) : this.format,
      fields_json: JSON.stringify(fields),
    });
    if (result.changes > 0) this.assistants++;
  }

  addPrompt(p: ImportedPrompt): void {
    const parsed = PromptFields.safeParse({ title: [...p.title.trim()].slice(0, 100).join(''), body: p.body.slice(0, 20_000) });
    if (!parsed.success) return this.skip('invalid_item');
    const id = this.format === 'ferry' ? p.sourceId : promptIdFor(this.format, p.sourceId);
    if (this.insert.prompt.run({ id, ...parsed.data }).changes > 0) this.prompts++;
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
