import type Database from 'libsql';

/**
 * Runs `work` in one IMMEDIATE transaction: all of its writes or none. Inside a transaction already
 * it simply joins it (libsql's `transaction()` cannot nest). Unlike libsql's `transaction()`, a
 * COMMIT that fails (a full disk) surfaces as itself: SQLite has already rolled back then, and a
 * second ROLLBACK would replace SQLITE_FULL with "no transaction is active".
 */
export function inTransaction<T>(db: Database.Database, work: () => T): T {
  if (db.inTransaction) return work();
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.inTransaction) {
      try {
        db.exec('ROLLBACK');
      } catch {
        // The original error says what happened.
      }
    }
    throw error;
  }
}

/**
 * The row an `INSERT/UPDATE … RETURNING` statement gives back, running it to completion. Never
 * `.get()` for those: libsql's get() stops after the first row, and a commit that then fails (a
 * full disk) is dropped silently — the caller gets the row, the disk never gets the write.
 */
export function writeReturning(statement: Database.Statement, ...params: unknown[]): unknown {
  return (statement.all(...params) as unknown[])[0];
}
