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
import { openSettingsFile } from '../services/settings/settings-file';
import { streamChat } from '../services/upstream/stream-chat';
import { join } from 'node:path';
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
import { faultHandlers } from './handlers/faults';
import { menuHandlers } from './handlers/menu';
import type { MenuUpdate } from '../../shared/menu-routes';
import { createLogger, type Logger } from './logger';
import { createRouter, type Router } from './router';
import { systemLanguage } from './system-language';
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
  /**
   * Keychain time limits: `probeMs` for the availability probe (default 5 s), `callMs` for a real
   * read or write, which may wait on the user's answer to a system prompt (default 2 min).
   */
  keychainLimits?: { probeMs?: number; callMs?: number };
  /**
   * First pause before answers the disk refused are written again by themselves. Tests that click
   * "Retry" set it long, so the automatic write cannot take the click's place.
   */
  storageRetryMs?: number;
  /** Makes the fetch for one proxy setting (Electron: a session per setting). Default: undici dispatchers. */
  proxyFetch?: ProxyFetchFactory;
  logger?: Logger;
  /** Updates: what this host can install (Electron, packaged) and where its releases are. */
  updates?: { installer?: UpdateInstaller | null; github?: GithubRepo | null; prefs?: UpdatePrefsStore; autoDelayMs?: number };
  /** The host's menu bar, rebuilt from what the page sends (`menu.update`); absent: the host has none. */
  menu?: (update: MenuUpdate) => void;
}

/** What `Core.shutdown()` did; the host logs it and picks how to end the process. */
export interface ShutdownReport {
  /** Answers that were streaming: stored with what had arrived, marked interrupted. */
  interrupted: number;
  /** Characters on screen the disk would not take (full disk): lost with the process. */
  unsaved: number;
  /** The limit was reached before every answer's final write finished (those are marked interrupted at next start). */
  timedOut: boolean;
  /**
   * A keychain thread is stuck inside a system call. Node joins worker threads on exit, so a plain
   * `process.exit()` / `app.quit()` would wait for it for ever: end the process with `exitProcess()`
   * (electron/core/exit-process.ts), which kills it once everything is written.
   */
  keychainThreadStuck: boolean;
  ms: number;
}

export interface ShutdownOptions {
  /** Upper bound for the whole shutdown; the answers' final writes get most of it. Default 4 s. */
  timeoutMs?: number;
}

export interface Core {
  router: Router;
  events: EventBus;
  /**
   * The settings, through the guarded file (typed storage errors, a rotating copy after each
   * write). A host's own settings writes (the window's bounds) go through this too.
   */
  prefs: PreferencesService;
  /**
   * Every way Ferry ends (SIGTERM/SIGINT/SIGHUP, window close, before-quit, logoff / session-end)
   * calls this once and awaits it: streams stop, their answers are written and marked interrupted,
   * pending writes are tried once more, the database and the keychain thread are closed. Resolves
   * within `timeoutMs` plus about a second, whatever the keychain or the disk are doing; never
   * rejects. Calling it again returns the same promise. The host then exits — with
   * `exitProcess(code, report.keychainThreadStuck)` when a keychain thread may be stuck.
   */
  shutdown(options?: ShutdownOptions): Promise<ShutdownReport>;
  /** Counters for diagnostics and the soak test: listeners, streams, pending writes. */
  stats(): CoreStats;
}

export interface CoreStats {
  busListeners: number;
  activeStreams: number;
  unsavedAnswers: number;
  keychainStuckThreads: number;
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
  const database = openHistoryHolder(files.database, logger, {
    onStorage: (status) => events.emit('storage.status', status),
    onMigrationBackup: withConfig,
  });
  const { history } = database;

  const settings = openSettingsFile(configFile, options.prefsBackend, logger);
  const prefs = new PreferencesService(settings.backend);
  const keychain = createKeychainStore(options.keychainService ?? 'Ferry');
  const vault = createKeyVault({
    keychain,
    memory: createMemoryStore(),
    ...(options.keychainLimits?.probeMs ? { probeTimeoutMs: options.keychainLimits.probeMs } : {}),
    ...(options.keychainLimits?.callMs ? { callTimeoutMs: options.keychainLimits.callMs } : {}),
    onStatus: (status) => {
      if (!status.available) logger.warn(`keychain unavailable (${status.problem ?? 'error'}): ${status.reason ?? ''}`);
      events.emit('keychain.status', status);
    },
  });
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
  const chat = new ChatService({
    history,
    prefs,
    vault,
    events,
    streamChat,
    logger,
    fetchFor: network.fetchFor,
    attachments,
    assistants,
    storageRetryMs: options.storageRetryMs,
  });
  const data = createDataFeatures({
    dataDir: options.dataDir,
    files,
    configFile,
    prefs,
    events,
    logger,
    history,
    appVersion: options.version,
    prefsBackend: settings.backend,
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
        () => settings.status(),
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
      ...faultHandlers({ vault, holder: database, chat, settings, events }),
      ...data.handlers,
      ...menuHandlers(options.menu),
    },
    logger,
  );

  let stopping: Promise<ShutdownReport> | null = null;
  const shutdown = async (timeoutMs: number): Promise<ShutdownReport> => {
    const started = Date.now();
    // No update check or download may start while the rest stops.
    updates.dispose();
    let chatReport = { interrupted: 0, unsaved: 0, timedOut: false };
    try {
      chatReport = await chat.shutdown(Math.max(500, timeoutMs - 1_000));
    } catch (error) {
      logger.error('stopping the answers failed', error);
    }
    // Backup timers and a sync run in flight (its files are whole or absent on the server: cut short, the next run converges).
    try {
      await Promise.race([data.shutdown(), new Promise((r) => setTimeout(r, Math.max(100, Math.min(1_000, timeoutMs - (Date.now() - started)))).unref())]);
    } catch (error) {
      logger.error('stopping import, backups and sync failed', error);
    }
    // The document reader's worker thread, which Node would otherwise wait for at exit.
    try {
      attachments.close();
    } catch (error) {
      logger.error('closing the document reader failed', error);
    }
    try {
      database.close();
    } catch (error) {
      logger.error('closing the history failed', error);
    }
    vault.close();
    const { stuck } = await keychain.close(Math.min(1_000, Math.max(100, timeoutMs - (Date.now() - started))));
    const report = { ...chatReport, keychainThreadStuck: stuck, ms: Date.now() - started };
    logger.info(
      `stopped in ${report.ms} ms: ${report.interrupted} answer(s) interrupted and stored` +
        (report.unsaved ? `, ${report.unsaved} character(s) could not be stored` : '') +
        (report.timedOut ? ', some final writes did not finish in time' : '') +
        (stuck ? ', the keychain thread is stuck' : ''),
    );
    return report;
  };

  return {
    router,
    events,
    prefs,
    shutdown: (shutdownOptions = {}) => (stopping ??= shutdown(shutdownOptions.timeoutMs ?? 4_000)),
    stats: () => ({
      busListeners: events.listenerCount(),
      activeStreams: chat.activeStreams(),
      unsavedAnswers: chat.unsaved.list().length,
      keychainStuckThreads: keychain.stuck(),
    }),
  };
}
