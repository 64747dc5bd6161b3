/**
 * A recording stand-in for the `electron` module, for loading the real built main bundle in plain
 * Node (the Electron binary cannot run on our machines). It behaves the way Electron's documented API
 * does where main depends on it (ready, windows and their webContents, ipcMain.handle, protocol.handle,
 * sessions, quit events) and records every call, so a test can drive main as Electron would and
 * check what main did. Only what main uses is here; a missing API fails loudly, as it would in Electron.
 */
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export interface Call {
  api: string;
  args: unknown[];
  /** Whether `ready` had fired when the call was made. */
  afterReady: boolean;
}

export interface FakeOptions {
  locale?: string;
  version?: string;
  /** False: another instance holds the lock (a second launch). */
  singleInstanceLock?: boolean;
  appPath?: string;
}

/** What Chromium reports as a frame's origin: scheme://host for standard schemes, "null" for opaque ones. */
export function chromiumOrigin(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : 'null';
  } catch {
    return 'null';
  }
}

type Handler = (...args: never[]) => unknown;

export function createFakeElectron(options: FakeOptions = {}) {
  const calls: Call[] = [];
  let ready = false;
  const record = (api: string, ...args: unknown[]) => calls.push({ api, args, afterReady: ready });
  let resolveReady!: () => void;
  const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));
  const paths = new Map<string, string>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  const invokeHandlers = new Map<string, Handler>();
  let nextFrameId = 1;
  let applicationMenu: { items: unknown[] } | null = null;

  class FakeSession extends EventEmitter {
    permissionRequestHandler: Handler | null = null;
    permissionCheckHandler: Handler | null = null;
    proxy: unknown = null;
    constructor(readonly partition: string) {
      super();
    }
    setPermissionRequestHandler(handler: Handler | null) {
      record('session.setPermissionRequestHandler', this.partition);
      this.permissionRequestHandler = handler;
    }
    setPermissionCheckHandler(handler: Handler | null) {
      record('session.setPermissionCheckHandler', this.partition);
      this.permissionCheckHandler = handler;
    }
    async setProxy(config: unknown) {
      record('session.setProxy', this.partition, config);
      this.proxy = config;
    }
    /** What PAC / the OS settings would pick; the fake has none: always direct. */
    async resolveProxy(url: string) {
      record('session.resolveProxy', this.partition, url);
      return 'DIRECT';
    }
    /** Chromium's network stack is not here: Node's fetch stands in (no proxy behaviour is claimed). */
    fetch(input: string, init?: RequestInit) {
      record('session.fetch', this.partition, input);
      return fetch(input, init);
    }
  }
  const sessions = new Map<string, FakeSession>();
  const defaultSession = new FakeSession('default');

  class FakeWebContents extends EventEmitter {
    readonly id = nextFrameId++;
    readonly session = defaultSession;
    readonly mainFrame = { url: '', origin: 'null', processId: 7, routingId: this.id, parent: null };
    readonly sent: { channel: string; payload: unknown }[] = [];
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    destroyed = false;
    send(channel: string, payload: unknown) {
      this.sent.push({ channel, payload });
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
    isDestroyed() {
      return this.destroyed;
    }
  }

  class FakeBrowserWindow extends EventEmitter {
    static readonly all: FakeBrowserWindow[] = [];
    static getAllWindows() {
      return FakeBrowserWindow.all.filter((w) => !w.destroyed);
    }
    static fromWebContents(contents: unknown) {
      return FakeBrowserWindow.all.find((w) => w.webContents === contents && !w.destroyed) ?? null;
    }
    readonly webContents = new FakeWebContents();
    readonly loaded: string[] = [];
    visible = false;
    minimized = false;
    maximized = false;
    focused = false;
    destroyed = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      record('BrowserWindow.new', options);
      FakeBrowserWindow.all.push(this);
    }
    async loadURL(url: string) {
      record('BrowserWindow.loadURL', url);
      this.loaded.push(url);
      Object.assign(this.webContents.mainFrame, { url, origin: chromiumOrigin(url) });
    }
    show() {
      this.visible = true;
      this.minimized = false;
    }
    hide() {
      this.visible = false;
    }
    focus() {
      record('BrowserWindow.focus');
      this.focused = true;
    }
    minimize() {
      this.minimized = true;
      this.focused = false;
    }
    restore() {
      this.minimized = false;
      this.visible = true;
    }
    maximize() {
      this.maximized = true;
    }
    isMinimized() {
      return this.minimized;
    }
    isMaximized() {
      return this.maximized;
    }
    isVisible() {
      return this.visible && !this.minimized;
    }
    isDestroyed() {
      return this.destroyed;
    }
    /** Where the user put the window (the driver's `resize` moves it). */
    bounds = { x: 10, y: 10, width: 1180, height: 800 };
    getBounds() {
      return { ...this.bounds };
    }
    getNormalBounds() {
      return this.getBounds();
    }
    close() {
      this.emit('close', { preventDefault() {} });
      this.destroyed = true;
      this.webContents.destroyed = true;
      this.emit('closed');
    }
  }

  let quitCount = 0;
  class FakeApp extends EventEmitter {
    isPackaged = false;
    name = 'Electron';
    exitCode: number | null = null;
    /** Set once `app.quit()` got past `before-quit`: the process would end now. */
    quitted = false;
    whenReady() {
      return readyPromise;
    }
    isReady() {
      return ready;
    }
    setName(name: string) {
      record('app.setName', name);
      this.name = name;
    }
    getName() {
      return this.name;
    }
    getVersion() {
      return options.version ?? '45.5.0';
    }
    getAppPath() {
      return options.appPath ?? process.cwd();
    }
    setPath(name: string, value: string) {
      record('app.setPath', name, value);
      paths.set(name, value);
    }
    getPath(name: string) {
      const value = paths.get(name);
      if (!value) throw new Error(`Failed to get '${name}' path`);
      return value;
    }
    getLocale() {
      return options.locale ?? 'en-US';
    }
    requestSingleInstanceLock() {
      record('app.requestSingleInstanceLock');
      return options.singleInstanceLock ?? true;
    }
    quit() {
      quitCount += 1;
      record('app.quit', quitCount);
      let prevented = false;
      this.emit('before-quit', { preventDefault: () => (prevented = true) });
      if (prevented) return;
      for (const win of FakeBrowserWindow.getAllWindows()) win.close();
      this.emit('will-quit', { preventDefault() {} });
      this.quitted = true;
      this.emit('quit');
    }
    exit(code = 0) {
      record('app.exit', code);
      this.exitCode = code;
    }
  }
  const app = new FakeApp();

  const ipcMain = Object.assign(new EventEmitter(), {
    handle(channel: string, handler: Handler) {
      record('ipcMain.handle', channel);
      if (invokeHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      invokeHandlers.set(channel, handler);
    },
    removeHandler(channel: string) {
      invokeHandlers.delete(channel);
    },
  });

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    protocol: {
      registerSchemesAsPrivileged(schemes: unknown) {
        // Electron requires this before ready; afterReady in the record shows whether main got it right.
        record('protocol.registerSchemesAsPrivileged', schemes);
      },
      handle(scheme: string, handler: (request: Request) => Promise<Response> | Response) {
        record('protocol.handle', scheme);
        if (!ready) throw new Error('protocol.handle called before the app is ready');
        protocolHandlers.set(scheme, handler);
      },
    },
    session: {
      defaultSession,
      fromPartition(partition: string) {
        record('session.fromPartition', partition);
        let found = sessions.get(partition);
        if (!found) sessions.set(partition, (found = new FakeSession(partition)));
        return found;
      },
    },
    net: {
      /** Enough of net.fetch for file: URLs (what a protocol handler may read) and http(s) via Node. */
      async fetch(input: string, init?: RequestInit) {
        record('net.fetch', input);
        if (input.startsWith('file:')) {
          try {
            return new Response(new Uint8Array(await readFile(fileURLToPath(input))), { status: 200 });
          } catch {
            return new Response('', { status: 404 });
          }
        }
        return fetch(input, init);
      },
    },
    shell: {
      async openExternal(url: string) {
        record('shell.openExternal', url);
      },
      async openPath(path: string) {
        record('shell.openPath', path);
        return '';
      },
    },
    dialog: {
      showErrorBox(title: string, content: string) {
        record('dialog.showErrorBox', title, content);
      },
      async showMessageBox(...args: unknown[]) {
        record('dialog.showMessageBox', ...args);
        return { response: 0, checkboxChecked: false };
      },
    },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
    },
    powerMonitor: new EventEmitter(),
    Menu: {
      /** A menu is its template (Electron copies it into MenuItems; click handlers stay callable here). */
      buildFromTemplate(template: unknown[]) {
        record('Menu.buildFromTemplate', template);
        return { items: template };
      },
      setApplicationMenu(menu: { items: unknown[] } | null) {
        record('Menu.setApplicationMenu', menu);
        applicationMenu = menu;
      },
      getApplicationMenu: () => applicationMenu,
    },
  };

  return {
    electron,
    calls,
    windows: FakeBrowserWindow.all,
    sessions,
    defaultSession,
    protocolHandlers,
    invokeHandlers,
    applicationMenu: () => applicationMenu,
    /** Fires `ready` the way Electron does: the whenReady promise resolves, then the event. */
    emitReady() {
      ready = true;
      resolveReady();
      app.emit('ready', {}, {});
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
