import { AttachmentService } from '../services/attachments/attachment-service';
import { createBlobFiles } from '../services/attachments/blob-files';
import { Extractor } from '../services/attachments/extractor';
import { AssistantService } from '../services/assistants/assistant-service';
import { ChatService } from '../services/chat/chat-service';
import { MessageControl } from '../services/messages/message-control';
import { createKeyVault } from '../services/secrets/key-vault';
import { createKeychainStore } from '../services/secrets/keychain-store';
import { createMemoryStore } from '../services/secrets/memory-store';
import { PreferencesService, type PreferencesBackend } from '../services/settings/preferences-service';
import { streamChat } from '../services/upstream/stream-chat';
import { dataFiles } from './data-dir';
import { EventBus } from './event-bus';
import { openHistoryHolder } from './history-holder';
import { appHandlers } from './handlers/app';
import { assistantHandlers } from './handlers/assistants';
import { attachmentHandlers } from './handlers/attachments';
import { messageControlHandlers } from './handlers/message-control';
import { modelProfileHandlers } from './handlers/model-profiles';
import { branchingHandlers } from './handlers/branching';
import { connectionHandlers } from './handlers/connections';
import { connectionToolHandlers } from './handlers/connection-tools';
import { createNetwork } from '../services/network/network';
import { createUndiciFetchFactory, type ProxyFetchFactory } from '../services/network/undici-fetch';
import { libraryHandlers } from './handlers/library';
import { updateHandlers } from './handlers/updates';
import type { GithubRepo } from '../services/updates/feed';
import { createUpdatePrefsStore, type UpdatePrefsStore } from '../services/updates/update-prefs';
import { createUpdateService, type UpdateInstaller } from '../services/updates/update-service';
import { snapshotHistory } from '../services/updates/snapshot';
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
  /** Updates: what this host can install (Electron, packaged) and where its releases are. */
  updates?: { installer?: UpdateInstaller | null; github?: GithubRepo | null; prefs?: UpdatePrefsStore; autoDelayMs?: number };
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
  const files = dataFiles(options.dataDir);
  const configFile = join(options.dataDir, `${files.configName}.json`);
  // Every database copy made before a change of schema (a migration, an update about to install)
  // has the config.json of that moment beside it, so Settings → Data can restore both.
  const withConfig = (file: string | null) => {
    if (file) copyConfigBeside(file, configFile);
    return file;
  };
  const database = openHistoryHolder(files.database, logger, withConfig);
  const { history } = database;

  const prefs = new PreferencesService(options.prefsBackend);
  const keychain = createKeychainStore(options.keychainService ?? 'Ferry');
  const vault = createKeyVault({ keychain, memory: createMemoryStore() });
  const network = createNetwork({ prefs, vault, factory: options.proxyFetch ?? createUndiciFetchFactory() });
  const updates = createUpdateService({
    currentVersion: options.version,
    platform: process.platform,
    arch: process.arch,
    github: options.updates?.github ?? null,
    prefs: options.updates?.prefs ?? createUpdatePrefsStore(options.dataDir),
    // The app's default proxy, like every other request Ferry makes.
    fetch: network.fetchFor(null),
    proxy: () => network.proxyFor(null),
    installer: options.updates?.installer ?? null,
    snapshot: () => withConfig(snapshotHistory(files.database)),
    emit: (status) => events.emit('updates.changed', status),
    logger,
    ...(options.updates?.autoDelayMs !== undefined ? { autoDelayMs: options.updates.autoDelayMs } : {}),
  });
  const attachments = new AttachmentService({ history, blobs: createBlobFiles(files.attachments), extractor: new Extractor(), logger });
  // Files no message uses any more (deleted conversations, abandoned drafts) go at start-up.
  void attachments
    .collectGarbage()
    .then((n) => n > 0 && logger.info(`${n} unused attachment file(s) deleted`))
    .catch((error: unknown) => logger.warn(`attachment clean-up skipped: ${String(error)}`));
  const language = () => {
    const pref = prefs.read().language;
    return pref === 'system' ? systemLanguage(options.locale) : pref;
  };
  const assistants = new AssistantService(history, language);
  const chat = new ChatService({ history, prefs, vault, events, streamChat, logger, fetchFor: network.fetchFor, attachments, assistants });
  const data = createDataFeatures({
    dataDir: options.dataDir,
    files,
    configFile,
    prefs,
    events,
    logger,
    history,
    appVersion: options.version,
    prefsBackend: options.prefsBackend,
    replaceDatabase: (install) => database.replace(install),
    vault,
    appFetch: () => network.fetchFor(null),
    attachments,
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
      ...conversationHandlers(history, chat, events, attachments),
      ...attachmentHandlers(attachments),
      ...modelProfileHandlers(prefs, events),
      ...assistantHandlers(assistants),
      ...messageControlHandlers(
        new MessageControl({ history, events, stop: (id) => chat.stop(id), withRefs: (id, messages) => attachments.withRefs(id, messages) }),
      ),
      ...branchingHandlers(history, chat, prefs, events),
      ...libraryHandlers(database, events),
      ...updateHandlers(updates),
      ...data.handlers,
    },
    logger,
  );

  return {
    router,
    events,
    async shutdown() {
      updates.dispose();
      await chat.shutdown();
      await data.shutdown();
      attachments.close();
      database.close();
      keychain.close();
    },
  };
}
