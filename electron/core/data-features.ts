import { ConnectionConfig } from '../../shared/schemas';
import { createImportService } from '../services/import/import-service';
import type { BackupConnection } from '../services/export/ferry-backup-schema';
import type { PreferencesService } from '../services/settings/preferences-service';
import type { EventBus } from './event-bus';
import type { Handlers } from './router';
import type { Logger } from './logger';
import { importHandlers } from './handlers/import';
import { exportHandlers } from './handlers/export';
import type { HistoryRepository } from '../services/storage/types';

export interface DataFeatureDeps {
  dataDir: string;
  dbFile: string;
  prefs: PreferencesService;
  events: EventBus;
  logger: Logger;
  history: HistoryRepository;
  appVersion: string;
}

type DataHandlers = ReturnType<typeof importHandlers> & ReturnType<typeof exportHandlers>;

/** Import, export, backups and sync, built once per core; their handlers are spread into the router. */
export function createDataFeatures(deps: DataFeatureDeps): { handlers: DataHandlers & Partial<Handlers>; shutdown(): Promise<void> } {
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
    dbFile: deps.dbFile,
    logger: deps.logger,
    onChange: (job) => deps.events.emit('import.progress', job),
    onCommitted: (result) => deps.events.emit('history.changed', { conversations: result.touched.length }),
    addConnections,
  });
  return {
    handlers: {
      ...importHandlers(imports),
      ...exportHandlers({ history: deps.history, prefs: deps.prefs, dataDir: deps.dataDir, dbFile: deps.dbFile, appVersion: deps.appVersion }),
    },
    async shutdown() {
      await imports.shutdown();
    },
  };
}
