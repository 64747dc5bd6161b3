import { join } from 'node:path';
import { BrowserWindow, shell } from 'electron';
import { isSafeExternalUrl } from '../core/external-url';
import type { PreferencesService } from '../services/settings/preferences-service';
import { initialBounds, trackWindowState } from './window-state';

export function createMainWindow(options: { url: string; preload: string; prefs: PreferencesService; devTools: boolean }): BrowserWindow {
  const saved = options.prefs.read().window;
  const win = new BrowserWindow({
    ...initialBounds(saved),
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Ferry',
    backgroundColor: '#1f1f23',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: options.devTools,
    },
  });
  if (saved?.maximized) win.maximize();
  trackWindowState(win, options.prefs);
  win.once('ready-to-show', () => win.show());

  const contents = win.webContents;
  // The app is one page: every navigation attempt (a dropped file, a link without target) is refused,
  // and http(s) links go to the system browser.
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_wc, permission, callback) => callback(permission === 'clipboard-sanitized-write'));

  void win.loadURL(options.url);
  return win;
}

export const preloadPath = (bundleDir: string) => join(bundleDir, 'preload.cjs');
