import { z } from 'zod';
import { DatabaseStatus, KeychainStatus, SaveState, SettingsFileStatus, StorageStatus } from './schemas';

/**
 * Routes of the fault handling (keychain, disk, damaged files), spread into `routes` in routes.ts:
 * what the banners' and cards' "Try again" / "Restore" buttons call.
 */
const route = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const empty = z.object({}).strict();

export const faultRoutes = {
  /** Asks the keychain again now instead of waiting for the automatic retry. */
  'keychain.retry': route(empty, KeychainStatus),
  /**
   * Writes the answers the disk refused (and, when the history was opened read-only, tries to open
   * it for writing again). Returns what is still not stored.
   */
  'storage.retry': route(empty, z.object({ storage: StorageStatus, pending: z.array(SaveState) })),
  /** Answers whose text is not stored yet (for a window that opens or reloads). */
  'storage.pending': route(empty, z.array(SaveState)),
  /** Puts back a previous copy of the settings file (`file` as listed in app.info's `settingsFile.copies`). */
  'settings.restoreCopy': route(z.object({ file: z.string().min(1).max(200) }).strict(), SettingsFileStatus),
  /** Keeps the fresh settings after a damaged file was moved aside; the banner goes away. */
  'settings.dismissRecovery': route(empty, SettingsFileStatus),
  /** Recovery mode only: moves the unusable database to `broken/` (never deleted) and starts an empty history. */
  'app.startFreshHistory': route(empty, DatabaseStatus),
} as const;
