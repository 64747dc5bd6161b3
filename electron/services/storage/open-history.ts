import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'libsql';
import { assertNotNewer, migrate } from './migrate';
import { createRepository } from './repository';
import type { HistoryRepository } from './types';

/** Long enough to outlast another process's checkpoint or migration, short enough to surface a real deadlock. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed) the history database and brings its schema up to date.
 * Throws SchemaTooNewError, leaving the file untouched, if a newer Ferry wrote it.
 */
export function openHistory(dbFile: string): HistoryRepository {
  mkdirSync(dirname(dbFile), { recursive: true });
  const db = new Database(dbFile);
  try {
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Before any other pragma: switching to WAL already rewrites the file header.
    assertNotNewer(db);
    db.prepare('PRAGMA journal_mode = WAL').get();
    // WAL + NORMAL can lose the last commits on power loss but never corrupts; a chat
    // history does not justify an fsync per streamed chunk.
    db.exec('PRAGMA synchronous = NORMAL');
    db.exec('PRAGMA foreign_keys = ON');
    migrate(db);
    return createRepository(db);
  } catch (error) {
    db.close();
    throw error;
  }
}
