import { z } from 'zod';
import { Language } from './common';
import { SettingsFileStatus, StorageStatus } from './storage';

/** What app.info reports: keychain, history database and its backups. */

/**
 * Why the keychain cannot be used. `absent`: no keychain service at all (e.g. no Secret Service on
 * D-Bus); `locked`: it refused or its unlock prompt was dismissed; `not_responding`: it did not
 * answer in time (a hung keyring daemon); `error`: anything else.
 */
export const KeychainProblem = z.enum(['absent', 'locked', 'not_responding', 'error']);
export type KeychainProblem = z.infer<typeof KeychainProblem>;

export const KeychainStatus = z.object({
  available: z.boolean(),
  /** Technical reason when unavailable (e.g. no Secret Service on D-Bus); shown as a detail under a localized explanation. */
  reason: z.string().optional(),
  /** Absent in hosts that predate it: then `available` alone tells. */
  problem: KeychainProblem.optional(),
  /** A call has waited on the keychain for a while (e.g. a system prompt asking the user); still available. */
  waiting: z.boolean().optional(),
  /** Unavailable: when Ferry asks the keychain again by itself (epoch ms). It keeps trying, with growing pauses. */
  retryAt: z.number().optional(),
});
export type KeychainStatus = z.infer<typeof KeychainStatus>;

/**
 * Why the history cannot be opened at all. `empty`: the file has 0 bytes (it once held a history:
 * Ferry never leaves an empty one); `unwritable`: it must be upgraded but the disk is full or
 * read-only, so it cannot be yet (nothing is damaged).
 */
export const DatabaseProblem = z.enum(['corrupt', 'unreadable', 'too_new', 'empty', 'unwritable']);
export type DatabaseProblem = z.infer<typeof DatabaseProblem>;

/** A copy made before a migration, in `<dataDir>/backups/`. */
export const BackupInfo = z.object({
  file: z.string(),
  /** Schema version of the copy. */
  version: z.number().int(),
  size: z.number().int(),
  createdAt: z.number(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

/** `ok:false` = recovery mode: history routes fail with `database_corrupt`/`database_unavailable` until a restore. */
export const DatabaseStatus = z.object({
  ok: z.boolean(),
  path: z.string(),
  reason: DatabaseProblem.optional(),
  message: z.string().optional(),
  backups: z.array(BackupInfo),
  /** Absent in hosts that predate it (then: writable). */
  storage: StorageStatus.optional(),
});
export type DatabaseStatus = z.infer<typeof DatabaseStatus>;

export const AppInfo = z.object({
  version: z.string(),
  host: z.enum(['electron', 'web']),
  platform: z.string(),
  dataDir: z.string(),
  systemLanguage: Language,
  keychain: KeychainStatus,
  /** Absent in hosts that predate it; see DatabaseStatus. */
  database: DatabaseStatus.optional(),
  /** Absent in hosts that predate it. */
  settingsFile: SettingsFileStatus.optional(),
});
export type AppInfo = z.infer<typeof AppInfo>;
