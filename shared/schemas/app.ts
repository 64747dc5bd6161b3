import { z } from 'zod';
import { Language } from './common';

/** What app.info reports: keychain, history database and its backups. */

export const KeychainStatus = z.object({
  available: z.boolean(),
  /** Technical reason when unavailable (e.g. no Secret Service on D-Bus); shown as a detail under a localized explanation. */
  reason: z.string().optional(),
});
export type KeychainStatus = z.infer<typeof KeychainStatus>;

export const DatabaseProblem = z.enum(['corrupt', 'unreadable', 'too_new']);
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
});
export type AppInfo = z.infer<typeof AppInfo>;
