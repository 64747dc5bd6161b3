import { existsSync, readFileSync, renameSync } from 'node:fs';
import type { SettingsFileStatus } from '../../../shared/schemas';
import { FerryError } from '../../core/app-error';
import type { Logger } from '../../core/logger';
import { toStorageError } from '../../core/storage-error';
import { clearRecovery, guardConfigFile, type ConfigRecovery } from './config-guard';
import { copyNamed, keepCopy, listCopies } from './file-copies';
import type { PreferencesBackend } from './preferences-service';

/** Previous copies of the settings file kept next to it. */
const KEEP = 3;

export interface SettingsFile {
  /** The host's backend, plus: a storage failure is a typed error, and a copy is kept after each write. */
  readonly backend: PreferencesBackend;
  status(): SettingsFileStatus;
  /** Puts a previous copy back; the current file is moved aside first, never overwritten. */
  restore(name: string): SettingsFileStatus;
  /** Forgets the start-up recovery (the UI's "Keep starting fresh"). */
  dismiss(): SettingsFileStatus;
}

const connectionsIn = (path: string): number => {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as { connections?: unknown };
    return Array.isArray(value.connections) ? value.connections.length : 0;
  } catch {
    return 0;
  }
};

const stamp = (at: number) => new Date(at).toISOString().replace(/[-:]/g, '').replace('.', '');

/**
 * The settings file (config.json) with what keeps it from losing connections: the damaged-file
 * guard at start, a rotating copy after every successful write (skipped while a recovery is still
 * open, so the copies from before the damage survive until the user chose), and restore.
 */
export function openSettingsFile(file: string, inner: PreferencesBackend, logger: Logger): SettingsFile {
  let recovery: ConfigRecovery | null = guardConfigFile(file);
  if (recovery) logger.warn(`settings file was damaged (${recovery.detail}); moved to ${recovery.movedTo}`);

  const backend: PreferencesBackend = {
    get store() {
      return inner.store;
    },
    set store(value) {
      try {
        inner.store = value;
      } catch (error) {
        throw toStorageError(error, 'settings') ?? error;
      }
      if (recovery) return;
      try {
        keepCopy(file, KEEP);
      } catch (error) {
        logger.warn(`no copy of the settings file kept: ${String(error)}`);
      }
    },
  };

  const status = (): SettingsFileStatus => ({
    recovered: recovery,
    copies: listCopies(file, KEEP).map((c) => ({ file: c.name, savedAt: c.savedAt, connections: connectionsIn(c.path) })),
  });

  return {
    backend,
    status,
    restore(name) {
      const path = copyNamed(file, name);
      if (!path) throw new FerryError('not_found', `No settings copy named ${name.slice(0, 100)}`);
      let value: Record<string, unknown>;
      try {
        value = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      } catch (error) {
        throw new FerryError('invalid_input', `The copy ${name} cannot be read: ${String(error)}`);
      }
      try {
        if (existsSync(file)) renameSync(file, `${file}.replaced-${stamp(Date.now())}`);
        inner.store = value;
      } catch (error) {
        throw toStorageError(error, 'settings') ?? error;
      }
      logger.warn(`settings restored from ${name}`);
      recovery = null;
      clearRecovery(file);
      return status();
    },
    dismiss() {
      recovery = null;
      clearRecovery(file);
      return status();
    },
  };
}
