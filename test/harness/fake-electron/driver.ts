/**
 * Child process that loads the real built main bundle (dist-electron/main.cjs) with `require('electron')`
 * answered by the recording fake, then carries out the steps its parent sends over the IPC channel —
 * the events and calls Electron would make — and answers with what main did.
 * Run as: node --import tsx driver.ts (forked, with an IPC channel).
 */
import Module from 'node:module';
import { createFakeElectron, type FakeElectron } from './fake-electron';
import type { DriverRequest, DriverReply, FrameSpec } from './protocol';

let fake: FakeElectron | null = null;
const loadErrors: string[] = [];

function installFake(bundle: string, lock: boolean, missingModules: readonly string[], packagedResources?: string) {
  fake = createFakeElectron({ singleInstanceLock: lock, locale: process.env.FAKE_ELECTRON_LOCALE ?? 'en-US' });
  if (packagedResources) {
    // What Electron sets for an installed app: app.isPackaged, and resources/ beside app.asar.
    fake.electron.app.isPackaged = true;
    (process as { resourcesPath?: string }).resourcesPath = packagedResources;
  }
  const electron = fake.electron;
  const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const original = loader._load;
  loader._load = function (request, parent, isMain) {
    if (request === 'electron') return electron;
    // A platform package that npm did not install (a build made for another OS or CPU).
    if (missingModules.some((prefix) => request.startsWith(prefix))) {
      throw Object.assign(new Error(`Cannot find module '${request}'`), { code: 'MODULE_NOT_FOUND' });
    }
    return original.call(this, request, parent, isMain);
  };
  // Main runs in an event loop that Electron keeps alive; an error thrown there is what the user would hit.
  process.on('uncaughtException', (error) => loadErrors.push(`uncaught: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (error) => loadErrors.push(`unhandled rejection: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
  Module.createRequire(import.meta.url)(bundle);
}

const need = (): FakeElectron => {
  if (!fake) throw new Error('bundle not loaded');
  return fake;
};
const mainWindow = () => {
  const win = need().windows.find((w) => !w.destroyed);
  if (!win) throw new Error('main opened no window');
  return win;
};
const settle = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits until `check` holds (main's work is asynchronous, as in Electron). */
async function until(check: () => boolean, ms = 10_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await settle(10);
  }
  return true;
}

function frameFor(spec: FrameSpec) {
  const win = mainWindow();
  const main = win.webContents.mainFrame;
  const frame = spec.subframe
    ? { url: spec.url, origin: spec.origin, processId: main.processId, routingId: main.routingId + 1000, parent: main }
    : Object.assign(main, { url: spec.url, origin: spec.origin });
  // A webContents main never created (another window, a devtools page): fromWebContents finds nothing.
  const sender = spec.foreignWindow ? { mainFrame: frame, id: 999, send() {} } : win.webContents;
  return { sender, senderFrame: frame, frameId: frame.routingId, processId: frame.processId };
}

function state() {
  const f = need();
  return {
    calls: JSON.parse(JSON.stringify(f.calls, (_k, v: unknown) => (typeof v === 'function' ? '[function]' : v))) as unknown[],
    windows: f.windows.map((w) => ({
      loaded: w.loaded,
      visible: w.visible,
      minimized: w.minimized,
      focused: w.focused,
      destroyed: w.destroyed,
      webPreferences: (w.options as { webPreferences?: unknown }).webPreferences,
      hasWindowOpenHandler: !!w.webContents.windowOpenHandler,
      sentEvents: w.webContents.sent.length,
    })),
    ipcChannels: [...f.invokeHandlers.keys()],
    protocols: [...f.protocolHandlers.keys()],
    quitted: f.electron.app.quitted,
    exitCode: f.electron.app.exitCode,
    errors: loadErrors,
  };
}

async function run(request: DriverRequest): Promise<unknown> {
  switch (request.cmd) {
    case 'load':
      installFake(request.bundle, request.singleInstanceLock ?? true, request.missingModules ?? [], request.packagedResources);
      await settle();
      return state();
    case 'ready': {
      need().emitReady();
      await until(() => need().windows.length > 0 || need().electron.app.exitCode !== null || loadErrors.length > 0 || need().calls.some((c) => c.api === 'app.quit'));
      return state();
    }
    case 'state':
      return state();
    case 'show': {
      const win = mainWindow();
      win.emit('ready-to-show');
      return state();
    }
    case 'invoke': {
      const handler = need().invokeHandlers.get('ferry:invoke');
      if (!handler) throw new Error('main registered no ferry:invoke handler');
      return await (handler as (...a: unknown[]) => unknown)(frameFor(request.frame), request.route, request.input);
    }
    case 'send':
      need().electron.ipcMain.emit(request.channel, frameFor(request.frame), ...request.args);
      await settle();
      return state();
    case 'events':
      return mainWindow().webContents.sent.filter((s) => s.channel === 'ferry:event').map((s) => s.payload);
    case 'protocol': {
      const handler = need().protocolHandlers.get(request.scheme ?? 'app');
      if (!handler) throw new Error('no protocol handler');
      const response = await handler(new Request(request.url, { method: request.method ?? 'GET' }));
      const body = await response.text();
      return { status: response.status, headers: Object.fromEntries(response.headers.entries()), body: body.slice(0, 2000), length: body.length };
    }
    case 'navigate': {
      const win = mainWindow();
      let prevented = false;
      const before = need().calls.length;
      win.webContents.emit(request.event ?? 'will-navigate', { preventDefault: () => (prevented = true) }, request.url);
      await settle();
      return { prevented, calls: need().calls.slice(before).map((c) => c.api + ' ' + JSON.stringify(c.args)) };
    }
    case 'windowOpen': {
      const win = mainWindow();
      const before = need().calls.length;
      const result = win.webContents.windowOpenHandler?.({ url: request.url });
      await settle();
      return { result, calls: need().calls.slice(before).map((c) => c.api + ' ' + JSON.stringify(c.args)) };
    }
    case 'permission': {
      const ses = mainWindow().webContents.session;
      if (request.kind === 'check') {
        return (ses.permissionCheckHandler as ((...a: unknown[]) => boolean) | null)?.(mainWindow().webContents, request.permission, request.origin, {}) ?? 'no handler';
      }
      return await new Promise((resolve) => {
        const handler = ses.permissionRequestHandler as ((...a: unknown[]) => void) | null;
        if (!handler) return resolve('no handler');
        handler(mainWindow().webContents, request.permission, (granted: boolean) => resolve(granted), { requestingUrl: request.url });
      });
    }
    case 'secondInstance': {
      const win = mainWindow();
      if (request.before === 'minimize') win.minimize();
      if (request.before === 'hide') win.hide();
      win.focused = false;
      need().electron.app.emit('second-instance', {}, ['ferry'], process.cwd(), {});
      await settle();
      return state();
    }
    case 'pageFailure': {
      const contents = mainWindow().webContents;
      if (request.kind === 'renderer-gone') contents.emit('render-process-gone', {}, { reason: request.reason ?? 'crashed', exitCode: 133 });
      else contents.emit('did-fail-load', {}, request.errorCode ?? -6, 'ERR_FILE_NOT_FOUND', request.url ?? 'app://ferry/index.html', request.isMainFrame ?? true);
      await settle();
      return state();
    }
    case 'resize': {
      const win = mainWindow();
      win.bounds = { ...request.bounds };
      win.emit('resize');
      // Main writes the bounds 500 ms after the last resize.
      await settle(900);
      return state();
    }
    case 'menu': {
      const menu = need().applicationMenu();
      return menu ? JSON.parse(JSON.stringify(menu.items, (_k, v: unknown) => (typeof v === 'function' ? '[function]' : v))) : null;
    }
    case 'menuClick': {
      type Item = { id?: string; click?: (...a: unknown[]) => void; submenu?: Item[] };
      const find = (items: Item[]): Item | undefined => {
        for (const item of items) {
          if (item.id === request.id) return item;
          const inner = item.submenu && find(item.submenu);
          if (inner) return inner;
        }
        return undefined;
      };
      const item = find((need().applicationMenu()?.items ?? []) as Item[]);
      if (!item?.click) throw new Error(`no clickable menu item ${request.id}`);
      // Electron calls click(menuItem, browserWindow, event).
      item.click(item, need().windows.find((w) => !w.destroyed), {});
      await settle();
      return state();
    }
    case 'untilQuit': {
      const started = Date.now();
      const quitted = await until(() => need().electron.app.quitted, request.waitMs ?? 15_000);
      return { quitted, elapsedMs: Date.now() - started, state: state() };
    }
    case 'quit': {
      const app = need().electron.app;
      const started = Date.now();
      let held = false;
      // Linux/macOS: powerMonitor 'shutdown' (holdable); Windows: the window's 'session-end' (not holdable).
      if (request.via === 'os-shutdown') need().electron.powerMonitor.emit('shutdown', { preventDefault: () => (held = true) });
      else if (request.via === 'session-end') mainWindow().emit('session-end', { reasons: ['logoff'] });
      else app.quit();
      const quitted = await until(() => app.quitted, request.waitMs ?? 15_000);
      return { quitted, held, elapsedMs: Date.now() - started, state: state() };
    }
  }
}

process.on('message', (message: { id: number; request: DriverRequest }) => {
  run(message.request).then(
    (value) => process.send!({ id: message.id, ok: true, value } satisfies DriverReply),
    (error: unknown) => process.send!({ id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies DriverReply),
  );
});
process.send!({ id: 0, ok: true, value: 'started' } satisfies DriverReply);
