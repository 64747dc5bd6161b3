import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'libsql';
import { openDatabase, openForReading } from './sqlite-engine';
import { backupBeforeMigration, checkIntegrity, listBackups, DatabaseUnavailableError } from './database-guard';
import { assertNotNewer, latestVersion, migrate, readUserVersion, SchemaTooNewError } from './migrate';
import { createRepository } from './repository';
import { inTransaction } from './transaction';
import type { HistoryRepository } from './types';

/** Long enough to outlast another process's checkpoint or migration, short enough to surface a real deadlock. */
const BUSY_TIMEOUT_MS = 5000;

export interface OpenHistoryOptions {
  /** Called with the backup's path when one was made before migrating. */
  onBackup?: (file: string) => void;
  /** Rebuild the search index from the messages (after a restore: rowids in a copy are not guaranteed). */
  rebuildSearchIndex?: boolean;
}

/**
 * Opens (creating if needed) the history database and brings its schema up to date.
 *
 * An existing file is first checked read-only (fast check on every open, full `PRAGMA quick_check`
 * before a migration); a damaged or unreadable one throws DatabaseUnavailableError and is never
 * written to. A file written by a newer Ferry throws
 * SchemaTooNewError, untouched. Before any migration of an existing schema, a copy goes to
 * `backups/ferry-v<from>-<time>.db`.
 */
export function openHistory(dbFile: string, options: OpenHistoryOptions = {}): HistoryRepository {
  mkdirSync(dirname(dbFile), { recursive: true });
  const existing = existsSync(dbFile);
  // Ferry never leaves an empty file behind (the schema is written in the same open): 0 bytes means
  // a history was lost on the way, and its backups must be offered rather than a fresh start.
  if (existing && statSync(dbFile).size === 0) {
    throw new DatabaseUnavailableError('empty', dbFile, listBackups(dbFile), 'the file is empty (0 bytes)');
  }
  if (existing) {
    const onDisk = checkIntegrity(dbFile, 'fast');
    // A migration rewrites tables: the whole file must be sound first (and so will the copy be).
    if (onDisk > 0 && onDisk < latestVersion()) checkIntegrity(dbFile, 'full');
  }

  let db: Database.Database;
  try {
    db = openDatabase(dbFile);
  } catch (error) {
    throw new DatabaseUnavailableError('unreadable', dbFile, listBackups(dbFile), error instanceof Error ? error.message : String(error));
  }
  try {
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Before any other pragma: switching to WAL already rewrites the file header.
    const version = assertNotNewer(db);
    db.prepare('PRAGMA journal_mode = WAL').get();
    // WAL + NORMAL can lose the last commits on power loss but never corrupts; a chat
    // history does not justify an fsync per streamed chunk.
    db.exec('PRAGMA synchronous = NORMAL');
    db.exec('PRAGMA foreign_keys = ON');
    if (version > 0 && version < latestVersion()) {
      const backup = backupBeforeMigration(db, dbFile);
      options.onBackup?.(backup);
    }
    migrate(db);
    if (options.rebuildSearchIndex) rebuildSearchIndex(db);
    return createRepository(db);
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens an existing, sound history that cannot be written (a read-only folder or mount, a full
 * disk): everything can be read, every write fails with SQLITE_READONLY. It must already have the
 * current schema: an older one would need a migration, which is a write. Opened `immutable` when
 * even the read-only WAL index cannot be set up (see openForReading).
 */
export function openHistoryReadOnly(dbFile: string): HistoryRepository {
  if (!existsSync(dbFile) || statSync(dbFile).size === 0) {
    throw new DatabaseUnavailableError('unwritable', dbFile, listBackups(dbFile), 'there is no history yet and none can be created');
  }
  const version = checkIntegrity(dbFile, 'fast');
  if (version > latestVersion()) throw new SchemaTooNewError(version, latestVersion());
  if (version < latestVersion()) {
    throw new DatabaseUnavailableError('unwritable', dbFile, listBackups(dbFile), `schema version ${version} must be upgraded, which needs a writable disk`);
  }
  let db: Database.Database | null = null;
  try {
    db = openForReading(dbFile);
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.prepare('SELECT count(*) FROM conversations').get();
    return createRepository(db, { readOnly: true });
  } catch (error) {
    db?.close();
    throw new DatabaseUnavailableError('unreadable', dbFile, listBackups(dbFile), error instanceof Error ? error.message : String(error));
  }
}

/** Re-derives the full-text index from the messages table (only finished messages are indexed). */
export function rebuildSearchIndex(db: Database.Database): void {
  if (readUserVersion(db) < 3) return;
  inTransaction(db, () => {
    db.exec(`UPDATE messages SET status = 'interrupted' WHERE status = 'streaming'`);
    db.exec(`INSERT INTO messages_fts(messages_fts) VALUES ('delete-all')`);
    db.exec(`INSERT INTO messages_fts(rowid, content, reasoning)
             SELECT rowid, content, reasoning FROM messages WHERE status <> 'streaming'`);
  });
}

