import { ConnectionConfig } from '../../shared/schemas';
import { createImportService } from '../services/import/import-service';
import type { BackupConnection } from '../services/export/ferry-backup-schema';
import type { PreferencesService } from '../services/settings/preferences-service';
import type { EventBus } from './event-bus';
import type { Handlers } from './router';
import type { Logger } from './logger';
import { importHandlers } from './handlers/import';
import { exportHandlers } from './handlers/export';
import { backupHandlers } from './handlers/backup';
import { createBackupService } from '../services/backup/backup-service';
import type { PreferencesBackend } from '../services/settings/preferences-service';
import type { AttachmentService } from '../services/attachments/attachment-service';
import { createSyncService } from '../services/sync/sync-service';
import type { KeyVault } from '../services/secrets/types';
import type { HistoryRepository } from '../services/storage/types';

export interface DataFeatureDeps {
  dataDir: string;
  /** Where the database and the attachments store are (core/data-dir.ts). */
  files: { database: string; attachments: string };
  configFile: string;
  prefs: PreferencesService;
  events: EventBus;
  logger: Logger;
  history: HistoryRepository;
  appVersion: string;
  prefsBackend: PreferencesBackend;
  replaceDatabase(install: () => void): void;
  vault: KeyVault;
  /** The fetch for the app's own requests (default proxy). */
  appFetch(): typeof fetch;
  /** Issue 11's attachments: imported images and files become attachments like those added in the composer. */
  attachments: Pick<AttachmentService, 'prepare'>;
  syncKdfCost?: number;
}

type DataHandlers = ReturnType<typeof importHandlers> & ReturnType<typeof exportHandlers> & ReturnType<typeof backupHandlers> & Pick<Handlers, 'sync.get' | 'sync.save' | 'sync.now'>;

const HOUR_MS = 60 * 60 * 1000;

/** Import, export, backups and sync, built once per core; their handlers are spread into the router. */
export function createDataFeatures(deps: DataFeatureDeps): { handlers: DataHandlers & Partial<Handlers>; shutdown(): Promise<void> } {
  const dbFile = deps.files.database;
  const attachmentsDir = deps.files.attachments;
  const addConnections = (incoming: BackupConnection[]) => {
    const current = deps.prefs.read().connections;
    const known = new Set(current.map((c) => c.id));
    const added = incoming
      .filter((c) => !known.has(c.id))
      .flatMap((c) => {
        const parsed = ConnectionConfig.safeParse({ ...c, keyOrigin: null, modelCache: null });
        return parsed.success ? [parsed.data] : [];
      });
    if (added.length === 0) return;
    deps.prefs.update({ connections: [...current, ...added] });
    deps.events.emit('connections.changed', {});
  };
  const imports = createImportService({
    dataDir: deps.dataDir,
    dbFile,
    attachmentsDir,
    prepareAttachment: (bytes, name) => deps.attachments.prepare(bytes, name),
    logger: deps.logger,
    onChange: (job) => deps.events.emit('import.progress', job),
    onCommitted: (result) => deps.events.emit('history.changed', { conversations: result.touched.length }),
    addConnections,
  });
  const backups = createBackupService({
    dataDir: deps.dataDir,
    dbFile,
    attachmentsDir,
    configFile: deps.configFile,
    prefs: deps.prefs,
    prefsBackend: deps.prefsBackend,
    replaceDatabase: deps.replaceDatabase,
    logger: deps.logger,
  });
  // The first daily copy a little after start-up (not while the window opens), then hourly checks.
  const timers = [setTimeout(() => backups.runDaily(), 60_000), setInterval(() => backups.runDaily(), HOUR_MS)];
  for (const timer of timers) timer.unref();
  const sync = createSyncService({
    dbFile,
    prefs: deps.prefs,
    vault: deps.vault,
    fetch: deps.appFetch,
    logger: deps.logger,
    onStatus: (status) => deps.events.emit('sync.status', status),
    onPulled: (count) => deps.events.emit('history.changed', { conversations: count }),
    ...(deps.syncKdfCost ? { kdfCost: deps.syncKdfCost } : {}),
  });
  return {
    handlers: {
      ...backupHandlers(backups, deps.prefs, deps.events),
      'sync.get': () => sync.view(),
      'sync.save': (patch) => sync.save(patch),
      'sync.now': () => sync.run(),
      ...importHandlers(imports),
      ...exportHandlers({ history: deps.history, prefs: deps.prefs, dataDir: deps.dataDir, dbFile, attachmentsDir, appVersion: deps.appVersion }),
    },
    async shutdown() {
      for (const timer of timers) clearTimeout(timer);
      await sync.shutdown();
      await imports.shutdown();
    },
  };
}
