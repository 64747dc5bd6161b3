import { mkdirSync } from 'node:fs';
import { app, BrowserWindow } from 'electron';
import { appVersion, rendererDir } from '../core/app-paths';
import { createCore, type Core } from '../core/create-core';
import { APP_NAME, dataFiles, defaultDataDir } from '../core/data-dir';
import { createLogger } from '../core/logger';
import { PreferencesService } from '../services/settings/preferences-service';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';
import { createElectronStoreBackend } from './electron-store-backend';
import { connectIpc } from './ipc';
import { createSessionFetchFactory } from './proxy-session';
import { createMainWindow, preloadPath } from './window';

// vite-plugin-electron sets this while `vite` serves the renderer in development.
const devServerUrl = process.env.VITE_DEV_SERVER_URL;
const logger = createLogger();

app.setName(APP_NAME);
// Same folder the browser host uses by default, so both see one history.
const dataDir = defaultDataDir();
app.setPath('userData', dataDir);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  let core: Core | null = null;
  let prefs: PreferencesService | null = null;

  const openWindow = () =>
    createMainWindow({
      url: devServerUrl ?? `${APP_ORIGIN}/index.html`,
      preload: preloadPath(__dirname),
      prefs: prefs!,
      devTools: !app.isPackaged,
    });

  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.whenReady().then(() => {
    mkdirSync(dataDir, { recursive: true });
    const backend = createElectronStoreBackend(dataDir, dataFiles(dataDir).configName);
    prefs = new PreferencesService(backend);
    core = createCore({
      host: 'electron',
      version: appVersion(),
      dataDir,
      prefsBackend: backend,
      locale: app.getLocale(),
      // Chromium's network stack, honouring the OS proxy settings (including PAC) and trust store:
      // every upstream request goes through a dedicated session whose proxy follows the settings.
      proxyFetch: createSessionFetchFactory(),
      logger,
    });
    serveRenderer(rendererDir());
    connectIpc(core, devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN]);
    openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  }).catch((err: unknown) => {
    logger.error('Ferry failed to start', err);
    app.exit(1);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || !core) return;
    event.preventDefault();
    quitting = true;
    // Answers still streaming are written and marked interrupted before the process ends.
    void core.shutdown().finally(() => app.quit());
  });
}
