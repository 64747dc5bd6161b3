import { ChatService } from '../services/chat/chat-service';
import { createKeyVault } from '../services/secrets/key-vault';
import { createKeychainStore } from '../services/secrets/keychain-store';
import { createMemoryStore } from '../services/secrets/memory-store';
import { PreferencesService, type PreferencesBackend } from '../services/settings/preferences-service';
import { openHistory } from '../services/storage/open-history';
import { streamChat } from '../services/upstream/stream-chat';
import { dataFiles } from './data-dir';
import { EventBus } from './event-bus';
import { appHandlers } from './handlers/app';
import { connectionHandlers } from './handlers/connections';
import { conversationHandlers } from './handlers/conversations';
import { createLogger, type Logger } from './logger';
import { createRouter, type Router } from './router';
import { systemLanguage } from './system-language';

export interface CoreOptions {
  host: 'electron' | 'web';
  version: string;
  dataDir: string;
  prefsBackend: PreferencesBackend;
  /** OS locale, e.g. from app.getLocale() or LANG. */
  locale: string;
  /** Keychain service name; tests use their own so they never touch the user's entries. */
  keychainService?: string;
  /** Electron's net.fetch, or a proxy-aware fetch. */
  fetch?: typeof fetch;
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
  const history = openHistory(dataFiles(options.dataDir).database);
  const recovered = history.markStreamingInterrupted();
  if (recovered > 0) logger.warn(`${recovered} answer(s) were streaming when Ferry last stopped; marked interrupted`);

  const prefs = new PreferencesService(options.prefsBackend);
  const keychain = createKeychainStore(options.keychainService ?? 'Ferry');
  const vault = createKeyVault({
    keychain,
    memory: createMemoryStore(),
  });
  const chat = new ChatService({ history, prefs, vault, events, streamChat, logger, fetch: options.fetch });

  const router = createRouter(
    {
      ...appHandlers(
        { host: options.host, version: options.version, dataDir: options.dataDir, systemLanguage: systemLanguage(options.locale) },
        prefs,
        vault,
      ),
      ...connectionHandlers(prefs, vault, events),
      ...conversationHandlers(history, chat, events),
    },
    logger,
  );

  return {
    router,
    events,
    async shutdown() {
      await chat.shutdown();
      history.close();
      keychain.close();
    },
  };
}
