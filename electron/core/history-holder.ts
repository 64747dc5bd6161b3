import { accessSync, constants, existsSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseStatus, StorageStatus } from '../../shared/schemas';
import { FerryError } from './app-error';
import type { Logger } from './logger';
import { storageProblemOf, toStorageError } from './storage-error';
import { DatabaseUnavailableError, listBackups, restoreBackup, setAsideDatabase } from '../services/storage/database-guard';
import { SchemaTooNewError } from '../services/storage/migrate';
import { openHistory, openHistoryReadOnly, type OpenHistoryOptions } from '../services/storage/open-history';
import type { HistoryRepository } from '../services/storage/types';

/**
 * The history database, or — when it cannot be opened — recovery mode: the core still starts (the
 * window can explain what happened and offer a backup), every history call fails with a typed error,
 * and `restore()` puts a backup in place and switches to it without a restart.
 *
 * A sound file that cannot be written (read-only folder or mount, full disk) is not "damaged": it is
 * opened read-only and `storage()` says so. Every write goes through here and a storage failure comes
 * out as `storage_full` / `storage_read_only` / `storage_io`, also reported to `onStorage`, so the
 * user hears of it the moment it happens.
 */
export interface HistoryHolder {
  /** Always the current repository; in recovery mode every call throws `database_corrupt`/`database_unavailable`. */
  readonly history: HistoryRepository;
  status(): DatabaseStatus;
  storage(): StorageStatus;
  restore(file: string): DatabaseStatus;
  /** Recovery mode only: moves the unusable file to `broken/` (never deleted) and starts an empty history. */
  startFresh(): DatabaseStatus;
  /** Closes the database, lets `install` put another file in its place, and opens that (Settings → Restore). */
  replace(install: () => void): DatabaseStatus;
  /**
   * Read-only mode, or recovery because an upgrade could not be written: tries to open the history
   * for writing again (the disk has space now, the folder is writable).
   */
  reopen(): DatabaseStatus;
  close(): void;
}

export interface HistoryHolderOptions {
  /** Every change of `storage()`. */
  onStorage?: (status: StorageStatus) => void;
  /** After the copy made before a migration (Settings → Data puts config.json beside it). */
  onMigrationBackup?: (file: string) => void;
}

/**
 * Methods that write; a storage failure of one of them means the history cannot be written right
 * now, and in read-only mode they are refused before touching the file. Every repository method is
 * either here or in HISTORY_READS (test/unit/history-holder-methods.test.ts keeps it so).
 */
export const HISTORY_WRITES: ReadonlySet<string> = new Set([
  'createConversation', 'renameConversation', 'touchConversation', 'deleteConversation', 'insertMessage',
  'updateMessageContent', 'appendMessageContent', 'finishMessage', 'setActiveLeaf', 'updateSettings', 'reopenMessage',
  'markStreamingInterrupted', 'setPinned', 'softDeleteConversation', 'restoreConversation', 'purgeDeleted', 'atomically',
  // Attachments, message control, assistants and prompts.
  'putAttachment', 'linkAttachments', 'removeAttachment', 'removeBranch', 'restoreBranch', 'forkConversation',
  'createAssistant', 'updateAssistant', 'deleteAssistant', 'savePrompt', 'createPrompt', 'deletePrompt', 'writeState', 'setConversationAssistant',
]);

/** Methods that only read (and `close`). */
export const HISTORY_READS: ReadonlySet<string> = new Set([
  'listConversations', 'getConversation', 'listMessages', 'messageWindow', 'getMessage', 'getSettings', 'listConversationsPage', 'findByTitle',
  'isConversationDeleted', 'search', 'getAttachment', 'messageAttachments', 'conversationAttachments', 'unusedAttachments',
  'attachmentIds', 'nextSeq', 'listAssistants', 'getAssistant', 'listPrompts', 'readState', 'conversationAssistant', 'close',
]);

const WRITABLE: StorageStatus = { writable: true, readOnly: false };

function unavailable(error: FerryError): HistoryRepository {
  return new Proxy({} as HistoryRepository, {
    get(_target, prop) {
      if (prop === 'close') return () => undefined;
      if (prop === 'then') return undefined;
      return () => {
        throw new FerryError(error.code, error.message, error.details);
      };
    },
  });
}

/** Below this much free space a disk counts as full at start: SQLite needs room for its WAL before any write. */
const LOW_SPACE_BYTES = 256 * 1024;

/** A full disk, told before the first write fails (null when there is room, or when the OS cannot say). */
function diskFull(dbFile: string): Error | null {
  try {
    const fs = statfsSync(dirname(dbFile));
    const free = Number(fs.bavail) * Number(fs.bsize);
    return free < LOW_SPACE_BYTES ? Object.assign(new Error(`no space left on the disk (${free} bytes free)`), { code: 'ENOSPC' }) : null;
  } catch {
    return null;
  }
}

/** Why the folder or file cannot be written, before trying: EROFS/EACCES are known without touching the file. */
function notWritable(dbFile: string): Error | null {
  for (const path of [dirname(dbFile), ...(existsSync(dbFile) ? [dbFile] : [])]) {
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      return error as Error;
    }
  }
  return null;
}

export function openHistoryHolder(dbFile: string, logger: Logger, options: HistoryHolderOptions = {}): HistoryHolder {
  let current: HistoryRepository | null = null;
  let problem: DatabaseUnavailableError | null = null;
  let fallback: HistoryRepository = unavailable(new FerryError('database_unavailable', 'The history database is not open'));
  let storage: StorageStatus = WRITABLE;

  const setStorage = (next: StorageStatus) => {
    if (next.writable === storage.writable && next.readOnly === storage.readOnly && next.problem === storage.problem) return;
    storage = next;
    if (next.writable) logger.info('history is writable again');
    else logger.warn(`history cannot be written (${next.problem ?? 'unknown'}${next.readOnly ? ', opened read-only' : ''}): ${next.detail ?? ''}`);
    options.onStorage?.(next);
  };
  const storageOf = (error: unknown, readOnly: boolean): StorageStatus => ({
    writable: false,
    readOnly,
    problem: storageProblemOf(error) ?? 'io',
    detail: error instanceof Error ? error.message : String(error),
  });

  /** Start-up housekeeping is a write like any other: on a full disk it waits for the next start. */
  const housekeeping = (repo: HistoryRepository) => {
    try {
      const interrupted = repo.markStreamingInterrupted();
      if (interrupted > 0) logger.warn(`${interrupted} answer(s) were streaming when Ferry last stopped; marked interrupted`);
      const purged = repo.purgeDeleted();
      if (purged > 0) logger.info(`${purged} deleted conversation(s) purged from the trash`);
    } catch (error) {
      if (!storageProblemOf(error)) throw error;
      setStorage(storageOf(error, false));
    }
  };

  const openReadOnly = (cause: unknown) => {
    current = openHistoryReadOnly(dbFile);
    problem = null;
    setStorage(storageOf(cause, true));
  };

  const tryOpen = (openOptions: OpenHistoryOptions): void => {
    try {
      const blocked = notWritable(dbFile);
      if (blocked && existsSync(dbFile)) openReadOnly(blocked);
      else {
        try {
          current = openHistory(dbFile, {
            ...openOptions,
            onBackup: (file) => {
              logger.info(`history backed up before migrating: ${file}`);
              options.onMigrationBackup?.(file);
            },
          });
          problem = null;
          const full = diskFull(dbFile);
          setStorage(full ? storageOf(full, false) : WRITABLE);
          housekeeping(current);
        } catch (error) {
          // The file was checked and is sound; it only could not be written (full disk, read-only mount).
          if (error instanceof DatabaseUnavailableError || !storageProblemOf(error)) throw error;
          openReadOnly(error);
        }
      }
    } catch (error) {
      current = null;
      if (error instanceof DatabaseUnavailableError) problem = error;
      else if (error instanceof SchemaTooNewError) {
        problem = new DatabaseUnavailableError('too_new', dbFile, listBackups(dbFile), error.message);
      } else if (storageProblemOf(error)) {
        problem = new DatabaseUnavailableError('unwritable', dbFile, listBackups(dbFile), error instanceof Error ? error.message : String(error));
      } else throw error;
      logger.error('history database unavailable; starting in recovery mode', problem);
      fallback = unavailable(problem);
    }
  };
  tryOpen({});

  /** Runs one repository call; storage failures become typed errors and update `storage`. */
  const call = (target: HistoryRepository, prop: string, fn: (...a: unknown[]) => unknown, args: unknown[]) => {
    const writes = HISTORY_WRITES.has(prop) && target === current;
    if (writes && storage.readOnly) {
      // Say why it is read-only (a full disk, say), not SQLite's generic "readonly database".
      const cause = Object.assign(new Error(storage.detail ?? 'the history is open read-only'), {
        code: storage.problem === 'full' ? 'ENOSPC' : storage.problem === 'io' ? 'EIO' : 'EROFS',
      });
      throw toStorageError(cause, 'history')!;
    }
    try {
      const result = fn.apply(target, args);
      if (writes && !storage.writable) setStorage(WRITABLE);
      return result;
    } catch (error) {
      const typed = target === current ? toStorageError(error, 'history') : null;
      if (!typed) throw error;
      if (writes) setStorage(storageOf(error, false));
      throw typed;
    }
  };

  const history = new Proxy({} as HistoryRepository, {
    get(_target, prop: keyof HistoryRepository) {
      const target = current ?? fallback;
      const value = target[prop];
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => call(target, String(prop), value as (...a: unknown[]) => unknown, args);
    },
  });

  const status = (): DatabaseStatus =>
    problem
      ? { ok: false, path: dbFile, reason: problem.reason, message: problem.message, backups: listBackups(dbFile), storage }
      : { ok: true, path: dbFile, backups: listBackups(dbFile), storage };

  const recoveryOnly = () => {
    if (current) {
      throw new FerryError('forbidden', 'The history database is fine; restoring a backup is offered only in recovery mode');
    }
  };

  return {
    history,
    status,
    storage: () => storage,
    restore(file) {
      recoveryOnly();
      const { movedTo } = restoreBackup(dbFile, file);
      logger.warn(`restored backup ${file}; the previous database was moved to ${movedTo ?? '(none)'}`);
      tryOpen({ rebuildSearchIndex: true });
      return status();
    },
    replace(install) {
      current?.close();
      current = null;
      try {
        install();
      } finally {
        tryOpen({ rebuildSearchIndex: true });
      }
      return status();
    },
    startFresh() {
      recoveryOnly();
      const movedTo = setAsideDatabase(dbFile);
      logger.warn(`started an empty history; the previous database was moved to ${movedTo ?? '(none)'}`);
      tryOpen({});
      return status();
    },
    reopen() {
      if (current && storage.readOnly) {
        const previous = current;
        current = null;
        previous.close();
        tryOpen({});
      } else if (!current && problem?.reason === 'unwritable') {
        tryOpen({});
      }
      return status();
    },
    close() {
      current?.close();
      current = null;
    },
  };
}
