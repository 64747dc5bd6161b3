import type Database from 'libsql';
import { migrateToSyncV6 } from './migration-6-sync';
import { migrateToTitleSearchV7 } from './migration-7-title-search';
import { migrateToSyncFieldsV8 } from './migration-8-sync-fields';

export interface Migration {
  /** Consecutive from 1; stored in `PRAGMA user_version` once applied. */
  readonly version: number;
  readonly description: string;
  /** Runs inside the runner's transaction: must not BEGIN/COMMIT itself. */
  up(db: Database.Database): void;
}

/**
 * Append only. A released migration is never edited: users' databases already ran it.
 * No CHECK constraints on role/status: SQLite cannot alter them without rebuilding the table,
 * and those enums will grow.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'conversations and messages',
    up(db) {
      db.exec(`
        CREATE TABLE conversations (
          id            TEXT PRIMARY KEY,
          title         TEXT NOT NULL,
          title_is_auto INTEGER NOT NULL DEFAULT 1,
          created_at    INTEGER NOT NULL,
          updated_at    INTEGER NOT NULL,
          connection_id TEXT NULL,
          model         TEXT NULL
        );
        CREATE INDEX conversations_updated_at ON conversations(updated_at);

        CREATE TABLE messages (
          id              TEXT PRIMARY KEY,
          conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
          parent_id       TEXT NULL,
          role            TEXT NOT NULL,
          content         TEXT NOT NULL,
          status          TEXT NOT NULL,
          error_json      TEXT NULL,
          model           TEXT NULL,
          created_at      INTEGER NOT NULL,
          updated_at      INTEGER NOT NULL,
          seq             INTEGER NOT NULL
        );
        CREATE INDEX messages_conversation_seq ON messages(conversation_id, seq);
        CREATE INDEX messages_status ON messages(status);
      `);
    },
  },
  {
    version: 2,
    description: 'message tree (active leaf), conversation settings, reasoning, usage',
    up(db) {
      db.exec(`
        ALTER TABLE conversations ADD COLUMN active_leaf_id   TEXT NULL;
        ALTER TABLE conversations ADD COLUMN system_prompt    TEXT NULL;
        ALTER TABLE conversations ADD COLUMN context_messages INTEGER NULL;
        ALTER TABLE conversations ADD COLUMN temperature      REAL NULL;
        ALTER TABLE conversations ADD COLUMN top_p            REAL NULL;
        ALTER TABLE conversations ADD COLUMN max_tokens       INTEGER NULL;

        ALTER TABLE messages ADD COLUMN reasoning         TEXT NOT NULL DEFAULT '';
        ALTER TABLE messages ADD COLUMN reasoning_ms      INTEGER NULL;
        ALTER TABLE messages ADD COLUMN prompt_tokens     INTEGER NULL;
        ALTER TABLE messages ADD COLUMN completion_tokens INTEGER NULL;
        ALTER TABLE messages ADD COLUMN usage_estimated   INTEGER NULL;
        CREATE INDEX messages_parent ON messages(parent_id);

        -- Version 1 histories are linear chains: the newest message is the active leaf.
        UPDATE conversations SET active_leaf_id =
          (SELECT id FROM messages WHERE conversation_id = conversations.id ORDER BY seq DESC LIMIT 1);
      `);
    },
  },
  {
    version: 3,
    description: 'full-text search (FTS5 trigram), pinned and soft-deleted conversations',
    up(db) {
      // Needs version 2's `reasoning` column: the answer and the model's reasoning are both searchable.
      db.exec(`
        ALTER TABLE conversations ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE conversations ADD COLUMN deleted_at INTEGER NULL;
        -- The sidebar's keyset paging: pinned first, then newest, id breaks ties.
        CREATE INDEX conversations_list ON conversations(pinned DESC, updated_at DESC, id DESC) WHERE deleted_at IS NULL;
        CREATE INDEX conversations_deleted_at ON conversations(deleted_at) WHERE deleted_at IS NOT NULL;
        -- Newest-first scans for 1–2 character queries (the trigram index needs 3+ characters).
        CREATE INDEX messages_created_at ON messages(created_at);

        -- External content: the text lives once, in messages; the index keys on messages.rowid.
        -- trigram finds any 3+ character substring, so Chinese (no spaces between words) works.
        CREATE VIRTUAL TABLE messages_fts USING fts5(
          content,
          reasoning,
          content = 'messages',
          content_rowid = 'rowid',
          tokenize = 'trigram'
        );

        -- Indexed only once a message leaves 'streaming': while streaming, content is rewritten every
        -- ~300 ms and re-indexing a long answer each time would cost O(length) per write. A streaming
        -- message is therefore not searchable until it finishes (or is marked interrupted at start-up).
        CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages
        WHEN new.status <> 'streaming'
        BEGIN
          INSERT INTO messages_fts(rowid, content, reasoning) VALUES (new.rowid, new.content, new.reasoning);
        END;

        CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages
        WHEN old.status <> 'streaming'
        BEGIN
          INSERT INTO messages_fts(messages_fts, rowid, content, reasoning) VALUES ('delete', old.rowid, old.content, old.reasoning);
        END;

        -- A row is in the index exactly when its status is not 'streaming'. One trigger, two statements,
        -- so the old text always leaves the index before the new text enters it.
        CREATE TRIGGER messages_fts_update AFTER UPDATE OF content, reasoning, status ON messages
        WHEN old.status <> 'streaming' OR new.status <> 'streaming'
        BEGIN
          INSERT INTO messages_fts(messages_fts, rowid, content, reasoning)
            SELECT 'delete', old.rowid, old.content, old.reasoning
            WHERE old.status <> 'streaming' AND (new.status = 'streaming'
              OR new.content IS NOT old.content OR new.reasoning IS NOT old.reasoning);
          INSERT INTO messages_fts(rowid, content, reasoning)
            SELECT new.rowid, new.content, new.reasoning
            WHERE new.status <> 'streaming' AND (old.status = 'streaming'
              OR new.content IS NOT old.content OR new.reasoning IS NOT old.reasoning);
        END;

        INSERT INTO messages_fts(rowid, content, reasoning)
          SELECT rowid, content, reasoning FROM messages WHERE status <> 'streaming';
      `);
    },
  },
  {
    version: 4,
    description: 'attachments: content-addressed files referenced from messages',
    up(db) {
      // The bytes live in the data folder's attachments/ under their id; rows carry what the UI
      // and the next request need without touching the file (thumbnail, extracted text).
      db.exec(`
        CREATE TABLE attachments (
          id            TEXT PRIMARY KEY,  -- SHA-256 (hex) of the file as added
          kind          TEXT NOT NULL,     -- 'image' | 'document'
          mime          TEXT NOT NULL,     -- of the stored bytes
          original_size INTEGER NOT NULL,
          size          INTEGER NOT NULL,
          width         INTEGER NULL,
          height        INTEGER NULL,
          pages         INTEGER NULL,
          text          TEXT NULL,         -- documents: the extracted text sent as context
          tokens        INTEGER NOT NULL DEFAULT 0,
          truncated     INTEGER NOT NULL DEFAULT 0,
          thumbnail     TEXT NULL,         -- images: a small data URL
          created_at    INTEGER NOT NULL
        );
        CREATE TABLE message_attachments (
          message_id    TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
          position      INTEGER NOT NULL,
          attachment_id TEXT NOT NULL REFERENCES attachments(id),
          name          TEXT NOT NULL,
          PRIMARY KEY (message_id, position)
        );
        CREATE INDEX message_attachments_attachment ON message_attachments(attachment_id);
      `);
    },
  },
  {
    version: 5,
    description: 'assistants, saved prompts, the assistant a conversation started with',
    up(db) {
      db.exec(`
        CREATE TABLE assistants (
          id               TEXT PRIMARY KEY,
          name             TEXT NOT NULL,
          avatar           TEXT NOT NULL DEFAULT '',
          system_prompt    TEXT NOT NULL DEFAULT '',
          connection_id    TEXT NULL,
          model            TEXT NULL,
          temperature      REAL NULL,
          top_p            REAL NULL,
          max_tokens       INTEGER NULL,
          reasoning_effort TEXT NULL,
          context_messages INTEGER NULL,
          -- Where it came from when not made here (e.g. 'nextchat' for an imported mask).
          source           TEXT NULL,
          created_at       INTEGER NOT NULL,
          updated_at       INTEGER NOT NULL
        );
        CREATE TABLE prompts (
          id         TEXT PRIMARY KEY,
          title      TEXT NOT NULL,
          body       TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        );
        -- A built-in's id ('builtin:…') or a row of assistants; kept when that assistant is deleted.
        ALTER TABLE conversations ADD COLUMN assistant_id TEXT NULL;
        -- The default assistant may be a built-in, which has no row: one small key/value table.
        CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      `);
    },
  },
  {
    version: 6,
    description: 'WebDAV sync: per-device change notes, versions and replay positions',
    up: migrateToSyncV6,
  },
  {
    version: 7,
    description: 'conversation titles in a trigram index; the list index carries the title',
    up: migrateToTitleSearchV7,
  },
  {
    version: 8,
    description: 'sync keeps each conversation field\'s version and the last agreed row',
    up: migrateToSyncFieldsV8,
  },
];
