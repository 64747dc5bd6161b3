import type Database from 'libsql';
import { FerryError } from '../../core/app-error';
import { MIGRATIONS, type Migration } from './migrations';
import { inTransaction } from './transaction';

type Db = Database.Database;

/** The database was written by a newer Ferry. We refuse it untouched rather than risk corrupting it. */
export class SchemaTooNewError extends FerryError {
  constructor(
    readonly dbVersion: number,
    readonly knownVersion: number,
  ) {
    super(
      'internal',
      `The history database has schema version ${dbVersion}, but this version of Ferry only knows up to ` +
        `version ${knownVersion}. It was probably written by a newer Ferry; update Ferry to open it. ` +
        'The database was not modified.',
      { dbVersion, knownVersion },
    );
    this.name = 'SchemaTooNewError';
  }
}

export function readUserVersion(db: Db): number {
  // libsql ignores `pluck()` on get() and adds a `_metadata` key, hence the explicit field read.
  const row = db.prepare('PRAGMA user_version').get() as { user_version?: unknown } | undefined;
  const version = row?.user_version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw new Error(`Unexpected PRAGMA user_version result: ${JSON.stringify(row)}`);
  }
  return version;
}

export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.at(-1)?.version ?? 0;
}

/** Read-only check, safe to run before any pragma that writes to the file. */
export function assertNotNewer(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  const version = readUserVersion(db);
  const known = latestVersion(migrations);
  if (version > known) throw new SchemaTooNewError(version, known);
  return version;
}

function assertWellFormed(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`Migration list is malformed: entry ${i} has version ${m.version}, expected ${i + 1}`);
    }
  });
}

export interface MigrationResult {
  from: number;
  to: number;
}

/**
 * Applies every pending migration, each in its own IMMEDIATE transaction together with its
 * user_version bump, so a crash leaves the database at a whole version, never between two.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): MigrationResult {
  assertWellFormed(migrations);
  const from = assertNotNewer(db, migrations);
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    inTransaction(db, () => {
      // Re-read under the write lock: another process (a second window, the browser host)
      // may have migrated between our first read and now.
      const current = assertNotNewer(db, migrations);
      if (current >= migration.version) return;
      migration.up(db);
      db.exec(`PRAGMA user_version = ${migration.version}`);
    });
  }
  return { from, to: readUserVersion(db) };
}
