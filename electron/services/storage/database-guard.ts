import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type Database from 'libsql';
import { openForReading } from './sqlite-engine';
import { FerryError } from '../../core/app-error';
import type { BackupInfo, DatabaseProblem } from '../../../shared/schemas';
import { readUserVersion } from './migrate';

/** Backups are named `ferry-v<schema version>-<UTC time>.db`; nothing else in the folder is offered. */
const BACKUP_NAME = /^ferry-v(\d+)-(\d{8}T\d{6}\d{3}Z)(?:-\d+)?\.db$/;

const backupsDir = (dbFile: string): string => join(dirname(dbFile), 'backups');
/** Where a broken database is moved by a restore. Ferry never deletes a user's database. */
const brokenDir = (dbFile: string): string => join(dirname(dbFile), 'broken');

const stamp = (date: Date): string => date.toISOString().replace(/[-:]/g, '').replace('.', '');

/**
 * The database could not be opened safely. The file was not written to; the UI shows `reason`
 * and offers `backups` (newest first).
 */
export class DatabaseUnavailableError extends FerryError {
  constructor(
    readonly reason: DatabaseProblem,
    readonly path: string,
    readonly backups: BackupInfo[],
    detail: string,
  ) {
    super(
      reason === 'too_new' || reason === 'unwritable' ? 'database_unavailable' : 'database_corrupt',
      `The history database ${path} cannot be opened (${reason}): ${detail}. It was not modified.` +
        (backups[0] ? ` The newest backup is ${backups[0].file}.` : ' There is no backup.'),
      { reason, path, newestBackup: backups[0]?.file ?? null },
    );
    this.name = 'DatabaseUnavailableError';
  }
}

/** Backups of this database, newest first. */
export function listBackups(dbFile: string): BackupInfo[] {
  const dir = backupsDir(dbFile);
  if (!existsSync(dir)) return [];
  const found: BackupInfo[] = [];
  for (const file of readdirSync(dir)) {
    const match = BACKUP_NAME.exec(file);
    if (!match) continue;
    const stats = statSync(join(dir, file));
    found.push({ file, version: Number(match[1]), size: stats.size, createdAt: stats.mtimeMs });
  }
  // The name carries the UTC time to the millisecond: it sorts correctly even when mtimes do not.
  return found.sort((a, b) => (a.file < b.file ? 1 : a.file > b.file ? -1 : 0));
}

function isCorruption(error: unknown): boolean {
  const text = `${(error as { code?: unknown })?.code ?? ''} ${error instanceof Error ? error.message : String(error)}`;
  return /NOTADB|CORRUPT|not a database|malformed|corrupt/i.test(text);
}

/**
 * How thorough the check on open is. `full` runs `PRAGMA quick_check` over the whole file (O(size):
 * ~5 ms/MB here, seconds for a large history), so it runs before a migration; `fast` (every open)
 * reads the header and schema, checks the file is not shorter than its page count says (truncation)
 * and quick-checks the conversations table.
 */
export type IntegrityLevel = 'fast' | 'full';

/**
 * Opens an existing file read-only (so nothing, not even a WAL checkpoint on close, writes to it) and
 * checks it. Returns its schema version. Throws DatabaseUnavailableError when the file is damaged or unreadable.
 */
export function checkIntegrity(dbFile: string, level: IntegrityLevel = 'full'): number {
  let db: Database.Database | null = null;
  try {
    db = openForReading(dbFile);
    const check = (sql: string): string[] =>
      (db!.prepare(sql).all() as { quick_check?: unknown }[]).map((r) => String(r.quick_check)).filter((r) => r !== 'ok');
    let problems: string[];
    if (level === 'full') problems = check('PRAGMA quick_check');
    else {
      problems = check(`PRAGMA quick_check('sqlite_schema')`);
      const pageSize = Number((db.prepare('PRAGMA page_size').get() as { page_size?: unknown }).page_size);
      const pageCount = Number((db.prepare('PRAGMA page_count').get() as { page_count?: unknown }).page_count);
      // With WAL content the newest pages may live in -wal only; without it the file must hold them all.
      const walBytes = existsSync(`${dbFile}-wal`) ? statSync(`${dbFile}-wal`).size : 0;
      if (walBytes === 0 && pageSize * pageCount > statSync(dbFile).size) {
        problems.push(`the file is shorter (${statSync(dbFile).size} bytes) than its ${pageCount} pages: it was truncated`);
      }
      const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'conversations'`).all();
      if (tables.length > 0) problems.push(...check(`PRAGMA quick_check('conversations')`));
    }
    if (problems.length > 0) {
      throw new DatabaseUnavailableError('corrupt', dbFile, listBackups(dbFile), problems.slice(0, 3).join('; '));
    }
    return readUserVersion(db);
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(isCorruption(error) ? 'corrupt' : 'unreadable', dbFile, listBackups(dbFile), detail);
  } finally {
    db?.close();
  }
}

/** `VACUUM INTO` a consistent copy (also of a database in WAL mode with readers) before a migration. */
export function backupBeforeMigration(db: Database.Database, dbFile: string, now: Date = new Date()): string {
  const dir = backupsDir(dbFile);
  mkdirSync(dir, { recursive: true });
  const version = readUserVersion(db);
  let target = join(dir, `ferry-v${version}-${stamp(now)}.db`);
  for (let n = 1; existsSync(target); n++) target = join(dir, `ferry-v${version}-${stamp(now)}-${n}.db`);
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

/**
 * Puts a backup in place of the database: the current file (and its -wal/-shm) moves to `broken/`,
 * never deleted; the backup is copied, so it stays available. The caller must have closed the database.
 * Returns where the old file went (null when there was none).
 */
export function restoreBackup(dbFile: string, file: string, now: Date = new Date()): { movedTo: string | null } {
  if (basename(file) !== file || !BACKUP_NAME.test(file)) {
    throw new FerryError('invalid_input', `Not a Ferry backup name: ${file.slice(0, 200)}`);
  }
  const source = join(backupsDir(dbFile), file);
  if (!existsSync(source)) throw new FerryError('not_found', `Backup ${file} not found`);
  // A damaged backup must not replace anything.
  checkIntegrity(source);

  const movedTo = setAsideDatabase(dbFile, now);
  copyFileSync(source, dbFile);
  return { movedTo };
}

/**
 * Moves the database (and its -wal/-shm) to `broken/` under a new name, never deleting or
 * overwriting anything. The caller must have closed it. Returns where it went (null when there was none).
 */
export function setAsideDatabase(dbFile: string, now: Date = new Date()): string | null {
  if (!existsSync(dbFile)) return null;
  const dir = brokenDir(dbFile);
  mkdirSync(dir, { recursive: true });
  let movedTo = join(dir, `${basename(dbFile, '.db')}-${stamp(now)}.db`);
  for (let n = 1; existsSync(movedTo); n++) movedTo = join(dir, `${basename(dbFile, '.db')}-${stamp(now)}-${n}.db`);
  renameSync(dbFile, movedTo);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(dbFile + suffix)) renameSync(dbFile + suffix, movedTo + suffix);
  }
  return movedTo;
}
