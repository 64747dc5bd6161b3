import type Database from 'libsql';

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
];
