import { z } from 'zod';

/** WebDAV sync settings and status (issue 10). The password and passphrase live in the keychain. */

export const SyncSettings = z.object({
  enabled: z.boolean().default(false),
  /** The WebDAV server, e.g. https://dav.jianguoyun.com/dav/ */
  url: z.string().max(2048).default(''),
  username: z.string().max(256).default(''),
  /** Folder under `url` that holds Ferry's files; created when missing. */
  folder: z.string().max(512).default('Ferry'),
  /** Minutes between automatic runs while enabled. */
  intervalMinutes: z.number().int().min(1).max(1440).default(15),
});
export type SyncSettings = z.infer<typeof SyncSettings>;
export const DEFAULT_SYNC_SETTINGS: SyncSettings = Object.freeze({ enabled: false, url: '', username: '', folder: 'Ferry', intervalMinutes: 15 });

/** What the last run ended with; each code has a localized sentence. */
export const SyncCode = z.enum([
  'ok',
  'not_configured',
  'offline',
  'unauthorized',
  'quota',
  'server_error',
  'wrong_passphrase',
  'bad_server_files',
  'busy',
  'keychain_unavailable',
  'unknown',
]);
export type SyncCode = z.infer<typeof SyncCode>;

export const SyncStatus = z.object({
  running: z.boolean(),
  lastRunAt: z.number().nullable(),
  lastSuccessAt: z.number().nullable(),
  code: SyncCode.nullable(),
  detail: z.string().nullable(),
  pulled: z.number().int(),
  pushed: z.number().int(),
  /** Other devices whose changes were read. */
  devices: z.number().int(),
  /** Files on the server that could not be read (left alone, retried next run). */
  unreadableFiles: z.number().int(),
  /** This data folder turned out to be a copy of another computer's; it now syncs under an id of its own. */
  rekeyed: z.boolean().default(false),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SyncView = z.object({
  settings: SyncSettings,
  passwordSet: z.boolean(),
  passphraseSet: z.boolean(),
  deviceId: z.string(),
  status: SyncStatus,
});
export type SyncView = z.infer<typeof SyncView>;
