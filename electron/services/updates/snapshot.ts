import { existsSync } from 'node:fs';
import { backupBeforeMigration } from '../storage/database-guard';
import { openDatabase } from '../storage/sqlite-engine';

/**
 * A consistent copy of the history before an update is installed, by the same mechanism (and into
 * the same backups/ folder, under the same name scheme) as the copy made before a migration: the
 * new version may migrate the schema, and the recovery screen offers these copies. Read-only: the
 * live database is not written to. Null when there is no database yet.
 */
export function snapshotHistory(dbFile: string, now: Date = new Date()): string | null {
  if (!existsSync(dbFile)) return null;
  const db = openDatabase(dbFile, { readonly: true, fileMustExist: true });
  try {
    return backupBeforeMigration(db, dbFile, now);
  } finally {
    db.close();
  }
}
