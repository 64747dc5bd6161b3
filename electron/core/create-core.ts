import { ChatService } from '../services/chat/chat-service';
import { createKeyVault } from '../services/secrets/key-vault';
import { createKeychainStore } from '../services/secrets/keychain-store';
import { createMemoryStore } from '../services/secrets/memory-store';
import { PreferencesService, type PreferencesBackend } from '../services/settings/preferences-service';
import { streamChat } from '../services/upstream/stream-chat';
import { dataFiles } from './data-dir';
import { EventBus } from './event-bus';
import { openHistoryHolder } from './history-holder';
import { appHandlers } from './handlers/app';
import { branchingHandlers } from './handlers/branching';
import { connectionHandlers } from './handlers/connections';
import { connectionToolHandlers } from './handlers/connection-tools';
import { createNetwork } from '../services/network/network';
import { createUndiciFetchFactory, type ProxyFetchFactory } from '../services/network/undici-fetch';
import { libraryHandlers } from './handlers/library';
import { conversationHandlers } from './handlers/conversations';
import { createLogger, type Logger } from './logger';
import { createRouter, type Router } from './router';
import { systemLanguage } from './system-language';
import { join } from 'node:path';
import { copyConfigBeside } from '../services/backup/backup-service';
import { createDataFeatures } from './data-features';

export interface CoreOptions {
  host: 'electron' | 'web';
  version: string;
  dataDir: string;
  prefsBackend: PreferencesBackend;
  /** OS locale, e.g. from app.getLocale() or LANG. */
  locale: string;
  /** Keychain service name; tests use their own so they never touch the user's entries. */
  keychainService?: string;
  /** Makes the fetch for one proxy setting (Electron: a session per setting). Default: undici dispatchers. */
  proxyFetch?: ProxyFetchFactory;
  logger?: Logger;
}

export interface Core {
  router: Router;
  events: EventBus;
  /** Stops streams (their answers are kept, marked interrupted) and closes the database. */
  shutdown(): Promise<void>;
}

/** The one core both hosts run: storage, keys, upstream calls and the router in front of them. */
export function createCore(options: CoreOptions): Core {
  const logger = options.logger ?? createLogger();
  const events = new EventBus();
  // Never throws for a damaged database: the core starts in recovery mode and app.info says why.
  const database = openHistoryHolder(dataFiles(options.dataDir).database, logger, (file) =>
    copyConfigBeside(file, join(options.dataDir, `${dataFiles(options.dataDir).configName}.json`)),
  );
  const { history } = database;

  const prefs = new PreferencesService(options.prefsBackend);
  const keychain = createKeychainStore(options.keychainService ?? 'Ferry');
  const vault = createKeyVault({ keychain, memory: createMemoryStore() });
  const network = createNetwork({ prefs, vault, factory: options.proxyFetch ?? createUndiciFetchFactory() });
  const chat = new ChatService({ history, prefs, vault, events, streamChat, logger, fetchFor: network.fetchFor });
  const data = createDataFeatures({
    dataDir: options.dataDir,
    dbFile: dataFiles(options.dataDir).database,
    prefs,
    events,
    logger,
    history,
    appVersion: options.version,
    prefsBackend: options.prefsBackend,
    replaceDatabase: (install) => database.replace(install),
    vault,
    appFetch: () => network.fetchFor(null),
  });

  const router = createRouter(
    {
      ...appHandlers(
        { host: options.host, version: options.version, dataDir: options.dataDir, systemLanguage: systemLanguage(options.locale) },
        prefs,
        vault,
        () => database.status(),
      ),
      ...connectionHandlers(prefs, vault, events),
      ...connectionToolHandlers(prefs, vault, network, events),
      ...conversationHandlers(history, chat, events),
      ...branchingHandlers(history, chat, prefs, events),
      ...libraryHandlers(database, events),
      ...data.handlers,
    },
    logger,
  );

  return {
    router,
    events,
    async shutdown() {
      await chat.shutdown();
      await data.shutdown();
      database.close();
      keychain.close();
    },
  };
}
