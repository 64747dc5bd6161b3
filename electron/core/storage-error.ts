import type { ErrorCode, StorageProblem } from '../../shared/schemas';
import { FerryError } from './app-error';

/**
 * What a failed read or write of our files means, from SQLite's result codes (libsql's `code`,
 * e.g. SQLITE_FULL, SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE) or Node's errno codes (ENOSPC,
 * EROFS, …). Null when the error is not about storage at all.
 */
export function storageProblemOf(error: unknown): StorageProblem | null {
  if (error instanceof FerryError) return problemOfCode(error.code);
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const message = error instanceof Error ? error.message : String(error);
  if (/^(SQLITE_FULL|ENOSPC|EDQUOT|EFBIG)/.test(code) || /disk is full|no space left|quota exceeded|file too large/i.test(message)) return 'full';
  if (/^(SQLITE_READONLY|SQLITE_PERM|EROFS|EACCES|EPERM)/.test(code) || /readonly database|read-only file system|permission denied/i.test(message)) {
    return 'read_only';
  }
  if (/^(SQLITE_IOERR|SQLITE_CANTOPEN|EIO)/.test(code) || /disk I\/O error|unable to open database file|input\/output error/i.test(message)) return 'io';
  return null;
}

/** What was being written: the conversation history, the settings file, or (unknown) data in the data folder. */
export type StorageTarget = 'history' | 'settings' | 'data';

const CODES: Record<StorageProblem, ErrorCode> = { full: 'storage_full', read_only: 'storage_read_only', io: 'storage_io' };

function problemOfCode(code: ErrorCode): StorageProblem | null {
  const entry = Object.entries(CODES).find(([, c]) => c === code);
  return entry ? (entry[0] as StorageProblem) : null;
}

/**
 * The error the UI gets for a failed write: what it is (disk full, read-only, I/O error), where
 * (`what`: "history", "settings"), and the technical detail. Null when `error` is not a storage error.
 */
export function toStorageError(error: unknown, what: StorageTarget): FerryError | null {
  if (error instanceof FerryError) return problemOfCode(error.code) ? error : null;
  const problem = storageProblemOf(error);
  if (!problem) return null;
  const detail = error instanceof Error ? error.message : String(error);
  const text = problem === 'full' ? 'the disk is full' : problem === 'read_only' ? 'the data folder is read-only' : 'the disk reported an I/O error';
  return new FerryError(CODES[problem], `Could not save the ${what}: ${text}. Nothing already saved was lost.`, { problem, what, detail });
}

/** Runs `write`; a storage failure comes out as the FerryError of `toStorageError`, anything else unchanged. */
export function asStorageError<T>(what: StorageTarget, write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw toStorageError(error, what) ?? error;
  }
}
