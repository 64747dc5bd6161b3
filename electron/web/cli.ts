import { existsSync, mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import open from 'open';
import { appVersion, rendererDir } from '../core/app-paths';
import { createCore } from '../core/create-core';
import { dataFiles, defaultDataDir } from '../core/data-dir';
import { createLogger } from '../core/logger';
import { nodeLocale } from '../core/system-language';
import { createConfBackend } from '../services/settings/conf-backend';
import { storageRetryMs } from './env-options';
import { launchToken } from './launch-token';
import { startWebHost } from './server';
import { exitOnSignals } from './signals';

/** How long a signal may take to stop everything; a second signal ends the process at once. */
const SHUTDOWN_MS = 4_000;

const USAGE = `Usage: npm run web -- [--port N] [--token T] [--data-dir DIR] [--no-open]

Serves Ferry on http://127.0.0.1 for a browser on this machine.
  --port N         listen on port N (default: a free port)
  --token T        use T as the access token instead of a new random one, so the address stays the
                   same across restarts (with --port); FERRY_WEB_TOKEN does the same. At least 16
                   characters of A-Z a-z 0-9 _ -. Keep it secret: it is the key to your history.
  --data-dir DIR   keep history and settings in DIR (default: the Ferry app's own data folder;
                   FERRY_DATA_DIR does the same)
  --no-open        do not open the default browser`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      token: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = values.port ? Number(values.port) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got ${values.port}`);

  const token = launchToken(values.token, process.env);
  const logger = createLogger();
  const staticDir = rendererDir();
  if (!existsSync(staticDir)) throw new Error(`The UI is not built (${staticDir} is missing): run npm run build`);
  const dataDir = values['data-dir'] ?? defaultDataDir();
  mkdirSync(dataDir, { recursive: true });

  const core = createCore({
    host: 'web',
    version: appVersion(),
    dataDir,
    prefsBackend: createConfBackend(dataDir, dataFiles(dataDir).configName, logger),
    locale: nodeLocale(),
    keychainService: process.env.FERRY_KEYCHAIN_SERVICE,
    storageRetryMs: storageRetryMs(process.env.FERRY_STORAGE_RETRY_MS),
    logger,
  });
  const host = await startWebHost({ core, staticDir, port, token, logger });

  console.log(`Ferry is running at ${host.url}`);
  console.log(`Data: ${dataDir}`);
  if (!values['no-open']) open(host.url).catch(() => console.log('Open the address above in your browser.'));

  // For diagnostics through the inspector (`node --inspect`) and the soak test; nothing else reads it.
  (globalThis as Record<symbol, unknown>)[Symbol.for('ferry.stats')] = () => core.stats();

  exitOnSignals({
    logger,
    deadlineMs: SHUTDOWN_MS + 2_000,
    keychainStuck: () => core.stats().keychainStuckThreads > 0,
    stop: async () => {
      // Answers keep streaming into the history while the page connections close.
      await host.close().catch((error: unknown) => logger.warn('closing the page connections failed', error));
      return core.shutdown({ timeoutMs: SHUTDOWN_MS });
    },
  });
}

main().catch((err: unknown) => {
  console.error(`Ferry could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
