import type Database from 'libsql';

/**
 * Schema version 4 (issue 10): assistants (NextChat masks and the like), attachments of imported
 * messages, and what WebDAV sync needs. Sync keeps its own bookkeeping in its own tables; the
 * triggers below only note *which* rows changed (never their content), and only while sync is on
 * and not replaying another device's changes.
 */
export function migrateToDataV4(db: Database.Database): void {
  db.exec(`
    CREATE TABLE assistants (
      id            TEXT PRIMARY KEY,
      name          TEXT NOT NULL,
      avatar        TEXT NULL,
      system_prompt TEXT NOT NULL DEFAULT '',
      model         TEXT NULL,
      params_json   TEXT NOT NULL DEFAULT '{}',
      source        TEXT NULL,
      created_at    INTEGER NOT NULL,
      updated_at    INTEGER NOT NULL
    );

    -- Files that came with imported messages. sha256 names the file in <data>/attachments/;
    -- NULL = the source mentioned a file it did not contain (the message shows a placeholder).
    CREATE TABLE message_attachments (
      id         TEXT PRIMARY KEY,
      message_id TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
      name       TEXT NOT NULL,
      mime       TEXT NULL,
      size       INTEGER NULL,
      sha256     TEXT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX message_attachments_message ON message_attachments(message_id);

    CREATE TABLE sync_state (
      id          INTEGER PRIMARY KEY CHECK (id = 1),
      enabled     INTEGER NOT NULL DEFAULT 0,
      applying    INTEGER NOT NULL DEFAULT 0,
      device_id   TEXT NOT NULL,
      lamport     INTEGER NOT NULL DEFAULT 0,
      last_file   INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO sync_state (id, device_id) VALUES (1, lower(hex(randomblob(16))));

    -- Rows changed since the last upload: (kind 'c' conversation | 'm' message, id).
    CREATE TABLE sync_dirty (
      seq       INTEGER PRIMARY KEY AUTOINCREMENT,
      kind      TEXT NOT NULL,
      entity_id TEXT NOT NULL
    );
    -- The version each row is at: a Lamport counter and the device that wrote it (ties).
    CREATE TABLE sync_versions (
      kind      TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      lamport   INTEGER NOT NULL,
      device    TEXT NOT NULL,
      PRIMARY KEY (kind, entity_id)
    ) WITHOUT ROWID;
    -- How far each other device's log has been replayed here.
    CREATE TABLE sync_positions (
      device    TEXT PRIMARY KEY,
      last_file INTEGER NOT NULL
    );

    CREATE TRIGGER sync_conversation_insert AFTER INSERT ON conversations
    WHEN (SELECT enabled = 1 AND applying = 0 FROM sync_state)
    BEGIN INSERT INTO sync_dirty (kind, entity_id) VALUES ('c', new.id); END;
    CREATE TRIGGER sync_conversation_update AFTER UPDATE ON conversations
    WHEN (SELECT enabled = 1 AND applying = 0 FROM sync_state)
    BEGIN INSERT INTO sync_dirty (kind, entity_id) VALUES ('c', new.id); END;
    CREATE TRIGGER sync_conversation_delete AFTER DELETE ON conversations
    WHEN (SELECT enabled = 1 AND applying = 0 FROM sync_state)
    BEGIN INSERT INTO sync_dirty (kind, entity_id) VALUES ('c', old.id); END;

    -- A streaming answer is rewritten every few hundred ms: it is noted once it has finished.
    CREATE TRIGGER sync_message_insert AFTER INSERT ON messages
    WHEN new.status <> 'streaming' AND (SELECT enabled = 1 AND applying = 0 FROM sync_state)
    BEGIN INSERT INTO sync_dirty (kind, entity_id) VALUES ('m', new.id); END;
    CREATE TRIGGER sync_message_update AFTER UPDATE ON messages
    WHEN new.status <> 'streaming' AND (SELECT enabled = 1 AND applying = 0 FROM sync_state)
    BEGIN INSERT INTO sync_dirty (kind, entity_id) VALUES ('m', new.id); END;
    CREATE TRIGGER sync_message_delete AFTER DELETE ON messages
    WHEN (SELECT enabled = 1 AND applying = 0 FROM sync_state)
    BEGIN INSERT INTO sync_dirty (kind, entity_id) VALUES ('m', old.id); END;
  `);
}
