import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, powerMonitor } from 'electron';
import { appVersion, rendererDir } from '../core/app-paths';
import { createCore, type Core } from '../core/create-core';
import { exitProcess } from '../core/exit-process';
import { APP_NAME, dataFiles, defaultDataDir } from '../core/data-dir';
import { createLogger } from '../core/logger';
import { systemLanguage } from '../core/system-language';
import type { PreferencesService } from '../services/settings/preferences-service';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';
import { createElectronStoreBackend } from './electron-store-backend';
import { connectIpc } from './ipc';
import { installAppMenu } from './menu/install-menu';
import { originOf } from './policy/origin';
import { createQuitGuard } from './policy/quit-guard';
import { quitOnSignals } from './policy/quit-signals';
import { revealWindow } from './policy/single-instance';
import { createHybridFetchFactory } from '../services/network/hybrid-fetch';
import { createUndiciFetchFactory } from '../services/network/undici-fetch';
import { createSessionFetchFactory } from './proxy-session';
import { MAIN_MESSAGES } from './startup/messages';
import { openLogFile, type LogFile } from './startup/log-file';
import { recoveryPageUrl } from './startup/recovery-page';
import { githubRepoFromAppUpdateYml } from './updates/app-update-config';
import { createElectronInstaller } from './updates/electron-installer';
import { createMainWindow, preloadPath } from './window';

// vite-plugin-electron sets this while `vite` serves the renderer in development.
const devServerUrl = process.env.VITE_DEV_SERVER_URL;
const entryUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`;
const allowedOrigins = [APP_ORIGIN, ...(devServerUrl ? [originOf(devServerUrl) ?? devServerUrl] : [])];
/**
 * How long quitting may wait for the answers still streaming to be written. Past it the app quits
 * anyway: the next start marks whatever is left as interrupted.
 */
const QUIT_LIMIT_MS = 5_000;
/** The core's own bound: within the quit limit, with room for closing the history and the keychain. */
const SHUTDOWN_MS = QUIT_LIMIT_MS - 1_000;

app.setName(APP_NAME);
// Same folder the browser host uses by default, so both see one history.
const dataDir = defaultDataDir();
app.setPath('userData', dataDir);

// Every line goes through the core logger's redactor first, then to stderr and the rotating log file.
const logFile: LogFile | null = safely(() => openLogFile(dataDir)) ?? null;
const logger = createLogger((line) => {
  process.stderr.write(`${line}\n`);
  logFile?.write(line);
});
const logPath = () => logFile?.path ?? '(no log file could be written)';
logger.info(`Ferry ${appVersion()} starting: Electron ${process.versions.electron ?? '?'}, ${process.platform}-${process.arch}, data in ${dataDir}`);

if (!app.requestSingleInstanceLock()) {
  // The running instance gets `second-instance` and comes to the front.
  app.quit();
} else {
  registerAppScheme();
  let core: Core | null = null;
  let prefs: PreferencesService | null = null;

  const messages = () => {
    const pref = safely(() => prefs?.read().language);
    return MAIN_MESSAGES[pref && pref !== 'system' ? pref : systemLanguage(app.getLocale())];
  };

  const showRecovery = (win: BrowserWindow, reason: string) => {
    logger.error(`window shows the recovery page: ${reason}`);
    const m = messages();
    if (!win.isDestroyed()) void win.loadURL(recoveryPageUrl({ messages: m, lang: m === MAIN_MESSAGES['zh-CN'] ? 'zh-CN' : 'en', reason, logFile: logPath(), reloadUrl: entryUrl }));
  };

  const openWindow = () => {
    const win = createMainWindow({
      url: entryUrl,
      preload: preloadPath(__dirname),
      prefs: prefs!,
      devTools: !app.isPackaged,
      allowedOrigins,
      onPageFailure: showRecovery,
    });
    // Windows logging off or shutting down: nothing can be held, but writing starts at once.
    win.on('session-end', () => guard.onQuitRequested({ preventDefault: () => undefined }));
    return win;
  };

  const keychainStuck = () => (core ? core.stats().keychainStuckThreads > 0 : false);
  const guard = createQuitGuard({
    // Answers still streaming are written and marked interrupted before the process ends.
    shutdown: () => core?.shutdown({ timeoutMs: SHUTDOWN_MS }) ?? Promise.resolve(),
    limitMs: QUIT_LIMIT_MS,
    quit: () => app.quit(),
    // A keychain thread stuck in a system call would keep app.quit() from ever ending the process.
    kill: () => exitProcess(0, true),
    stuck: keychainStuck,
    report: (outcome, ms) =>
      outcome.kind === 'done'
        ? logger.info(`shut down in ${ms} ms${outcome.report?.keychainThreadStuck ? '; the keychain thread is stuck, ending the process' : ''}`)
        : logger.warn(`shutdown ${outcome.kind === 'timeout' ? `exceeded ${QUIT_LIMIT_MS} ms` : 'failed'}; quitting anyway`, outcome.kind === 'failed' ? outcome.error : ''),
  });

  // kill / Ctrl-C / a closed terminal quit like the menu's Quit; a second signal ends the process at once.
  quitOnSignals({
    on: (signal, listener) => process.on(signal, listener),
    requestQuit: (signal) => {
      logger.info(`${signal}: quitting (answers in progress are saved as interrupted)`);
      app.quit();
    },
    exitNow: (signal) => {
      logger.warn(`${signal} again: exiting now`);
      exitProcess(128 + constants.signals[signal], keychainStuck());
    },
  });

  app.on('second-instance', () => {
    if (!revealWindow(BrowserWindow.getAllWindows()[0]) && prefs) openWindow();
  });

  app
    .whenReady()
    .then(() => {
      mkdirSync(dataDir, { recursive: true });
      // A menu item runs in the page, through the same actions as its keys.
      const updateMenu = installAppMenu({ appName: APP_NAME, packaged: app.isPackaged, onAction: (action) => core?.events.emit('menu.action', { action }) });
      core = createCore({
        host: 'electron',
        version: appVersion(),
        dataDir,
        prefsBackend: createElectronStoreBackend(dataDir, dataFiles(dataDir).configName),
        locale: app.getLocale(),
        keychainService: process.env.FERRY_KEYCHAIN_SERVICE,
        // Chromium's network stack (OS proxy settings including PAC, OS trust store) through a dedicated
        // session per proxy setting; Node's for proxies with credentials, which net.fetch cannot answer.
        proxyFetch: createHybridFetchFactory({ chromium: createSessionFetchFactory(), node: createUndiciFetchFactory() }),
        logger,
        // Only a packaged app can replace itself; a development run just tells what is available.
        updates: app.isPackaged ? { installer: createElectronInstaller(logger), github: packagedGithubRepo() } : {},
        menu: updateMenu,
      });
      // The window's bounds are settings like any other: same guarded file, same rotating copies.
      prefs = core.prefs;
      serveRenderer(rendererDir());
      connectIpc(core, allowedOrigins);
      openWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openWindow();
      });
      // The OS is shutting down or the user logs out (Linux, macOS): hold it while answers are written.
      // (Electron's typings omit the event the docs describe, hence the optional chaining.)
      (powerMonitor as NodeJS.EventEmitter).on('shutdown', (event?: { preventDefault?(): void }) =>
        guard.onQuitRequested({ preventDefault: () => event?.preventDefault?.() }),
      );
    })
    .catch((err: unknown) => {
      logger.error('Ferry failed to start', err);
      const m = messages();
      dialog.showErrorBox(m.startupFailedTitle, m.startupFailed(err instanceof Error ? err.message : String(err), logPath()));
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', (event) => guard.onQuitRequested(event));

  // Replaces Electron's own dialog for an error nothing caught: the same reason, plus where the log is.
  let reported = false;
  process.on('uncaughtException', (error) => {
    logger.error('uncaught exception in the main process', error, error.stack ?? '');
    if (reported) return;
    reported = true;
    const m = messages();
    dialog.showErrorBox(m.unexpectedErrorTitle, m.startupFailed(error.message, logPath()));
  });
}

/** The release feed electron-builder wrote into the packaged app (resources/app-update.yml). */
function packagedGithubRepo() {
  const file = join(process.resourcesPath, 'app-update.yml');
  return existsSync(file) ? githubRepoFromAppUpdateYml(readFileSync(file, 'utf8')) : null;
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
