import type { DatabaseStatus } from '../../shared/schemas';
import { FerryError } from './app-error';
import type { Logger } from './logger';
import { DatabaseUnavailableError, listBackups, restoreBackup } from '../services/storage/database-guard';
import { SchemaTooNewError } from '../services/storage/migrate';
import { openHistory, type OpenHistoryOptions } from '../services/storage/open-history';
import type { HistoryRepository } from '../services/storage/types';

/**
 * The history database, or — when it cannot be opened — recovery mode: the core still starts (the
 * window can explain what happened and offer a backup), every history call fails with a typed error,
 * and `restore()` puts a backup in place and switches to it without a restart.
 */
export interface HistoryHolder {
  /** Always the current repository; in recovery mode every call throws `database_corrupt`/`database_unavailable`. */
  readonly history: HistoryRepository;
  status(): DatabaseStatus;
  restore(file: string): DatabaseStatus;
  /** Closes the database, lets `install` put another file in its place, and opens that (Settings → Restore). */
  replace(install: () => void): DatabaseStatus;
  close(): void;
}

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

export function openHistoryHolder(dbFile: string, logger: Logger, onMigrationBackup?: (file: string) => void): HistoryHolder {
  let current: HistoryRepository | null = null;
  let problem: DatabaseUnavailableError | null = null;
  let fallback: HistoryRepository = unavailable(new FerryError('database_unavailable', 'The history database is not open'));

  const tryOpen = (options: OpenHistoryOptions): void => {
    try {
      current = openHistory(dbFile, {
        ...options,
        onBackup: (file) => {
          logger.info(`history backed up before migrating: ${file}`);
          onMigrationBackup?.(file);
        },
      });
      problem = null;
      const interrupted = current.markStreamingInterrupted();
      if (interrupted > 0) logger.warn(`${interrupted} answer(s) were streaming when Ferry last stopped; marked interrupted`);
      const purged = current.purgeDeleted();
      if (purged > 0) logger.info(`${purged} deleted conversation(s) purged from the trash`);
    } catch (error) {
      current = null;
      if (error instanceof DatabaseUnavailableError) problem = error;
      else if (error instanceof SchemaTooNewError) {
        problem = new DatabaseUnavailableError('too_new', dbFile, listBackups(dbFile), error.message);
      } else throw error;
      logger.error('history database unavailable; starting in recovery mode', problem);
      fallback = unavailable(problem);
    }
  };
  tryOpen({});

  const history = new Proxy({} as HistoryRepository, {
    get(_target, prop: keyof HistoryRepository) {
      const target = current ?? fallback;
      const value = target[prop];
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });

  const status = (): DatabaseStatus =>
    problem
      ? { ok: false, path: dbFile, reason: problem.reason, message: problem.message, backups: listBackups(dbFile) }
      : { ok: true, path: dbFile, backups: listBackups(dbFile) };

  return {
    history,
    status,
    restore(file) {
      if (current) {
        throw new FerryError('forbidden', 'The history database is fine; restoring a backup is offered only in recovery mode');
      }
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
    close() {
      current?.close();
      current = null;
    },
  };
}
