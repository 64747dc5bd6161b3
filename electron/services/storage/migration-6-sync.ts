import type Database from 'libsql';

/** Which rows of which table a trigger notes as changed, with the kind letter the sync log uses. Part of a
 * released migration: never edited; a later schema adds its own triggers. */
const NOTED: ReadonlyArray<{ table: string; kind: string; id: string; when?: (row: 'new' | 'old') => string }> = [
  { table: 'conversations', kind: 'c', id: 'id' },
  // A streaming answer is rewritten every few hundred ms: it is noted once it has finished.
  { table: 'messages', kind: 'm', id: 'id', when: (row) => (row === 'new' ? "new.status <> 'streaming'" : '') },
  // A message's attachments travel inside its record: a link added or removed changes the message.
  { table: 'message_attachments', kind: 'm', id: 'message_id' },
  { table: 'assistants', kind: 'a', id: 'id' },
  { table: 'prompts', kind: 'p', id: 'id' },
];

const SYNC_ON = '(SELECT enabled = 1 AND applying = 0 FROM sync_state)';

function triggers(): string {
  return NOTED.flatMap(({ table, kind, id, when }) =>
    (['INSERT', 'UPDATE', 'DELETE'] as const).map((op) => {
      const row = op === 'DELETE' ? 'old' : 'new';
      const condition = [when?.(row), SYNC_ON].filter(Boolean).join(' AND ');
      return `CREATE TRIGGER sync_${table}_${op.toLowerCase()} AFTER ${op} ON ${table}
        WHEN ${condition}
        BEGIN INSERT INTO sync_dirty (kind, entity_id) VALUES ('${kind}', ${row}.${id}); END;`;
    }),
  ).join('\n');
}

/**
 * Schema version 6: what WebDAV sync needs. Sync keeps its own bookkeeping in its own tables; the
 * triggers only note *which* rows changed (never their content), and only while sync is on and not
 * replaying another device's changes. Conversations, messages (with their attachments), assistants
 * and prompts are noted; connections and keys live outside the database and never sync.
 */
export function migrateToSyncV6(db: Database.Database): void {
  db.exec(`
    CREATE TABLE sync_state (
      id          INTEGER PRIMARY KEY CHECK (id = 1),
      enabled     INTEGER NOT NULL DEFAULT 0,
      applying    INTEGER NOT NULL DEFAULT 0,
      device_id   TEXT NOT NULL,
      lamport     INTEGER NOT NULL DEFAULT 0,
      last_file   INTEGER NOT NULL DEFAULT 0,
      -- The last run's outcome (JSON of SyncStatus), so it survives a restart.
      last_status TEXT NULL
    );
    INSERT INTO sync_state (id, device_id) VALUES (1, lower(hex(randomblob(16))));

    -- Rows changed since the last upload: (kind 'c' conversation | 'm' message | 'a' assistant | 'p' prompt, id).
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
    ${triggers()}
  `);
}
