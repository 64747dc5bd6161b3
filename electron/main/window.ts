import { join } from 'node:path';
import { BrowserWindow, shell } from 'electron';
import type { PreferencesService } from '../services/settings/preferences-service';
import { navigationDecision } from './policy/navigation';
import { allowPermissionCheck, allowPermissionRequest } from './policy/permissions';
import { recoveryTrigger } from './policy/recovery';
import { initialBounds, trackWindowState } from './window-state';

export interface MainWindowOptions {
  url: string;
  preload: string;
  prefs: PreferencesService;
  devTools: boolean;
  /** Origins of our own page (app://ferry, and the Vite dev server in development). */
  allowedOrigins: readonly string[];
  /** The page could not be shown: the host replaces it with the recovery page. */
  onPageFailure(win: BrowserWindow, reason: string): void;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
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
  const leave = (url: string) => {
    const decision = navigationDecision(url, options.url);
    if (decision.openExternally) void shell.openExternal(decision.openExternally);
    return decision.allow;
  };
  // The app is one page: every navigation attempt (a dropped file, a link without target) is refused,
  // and http(s) links go to the system browser. The recovery page's Reload is the one way back in.
  contents.on('will-navigate', (event, url) => {
    if (!leave(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    leave(url);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(allowPermissionRequest(permission, details.requestingUrl, options.allowedOrigins)),
  );
  contents.session.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
    allowPermissionCheck(permission, requestingOrigin, options.allowedOrigins),
  );

  contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    const reason = recoveryTrigger({ kind: 'load-failed', errorCode, errorDescription, url: validatedURL, isMainFrame });
    if (reason) options.onPageFailure(win, reason);
  });
  contents.on('render-process-gone', (_event, details) => {
    const reason = recoveryTrigger({ kind: 'renderer-gone', reason: details.reason, exitCode: details.exitCode });
    if (reason) options.onPageFailure(win, reason);
  });

  void win.loadURL(options.url);
  return win;
}

export const preloadPath = (bundleDir: string) => join(bundleDir, 'preload.cjs');
