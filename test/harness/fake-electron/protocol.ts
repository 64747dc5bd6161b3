/** Messages between a test and the fake-Electron driver process (see driver.ts). */

/** The frame behind an IPC call, as Chromium would report it. */
export interface FrameSpec {
  url: string;
  origin: string;
  /** An iframe inside our window rather than its top frame. */
  subframe?: boolean;
  /** A webContents that is not one of main's windows. */
  foreignWindow?: boolean;
}

export type DriverRequest =
  | { cmd: 'load'; bundle: string; singleInstanceLock?: boolean; missingModules?: string[]; packagedResources?: string }
  | { cmd: 'ready' }
  | { cmd: 'state' }
  | { cmd: 'show' }
  | { cmd: 'invoke'; route: string; input: unknown; frame: FrameSpec }
  | { cmd: 'events' }
  /** A page's `ipcRenderer.send` (one-way) on `channel`, from `frame`. */
  | { cmd: 'send'; channel: string; args: unknown[]; frame: FrameSpec }
  | { cmd: 'protocol'; url: string; method?: string; scheme?: string }
  | { cmd: 'navigate'; url: string; event?: 'will-navigate' | 'will-redirect' }
  | { cmd: 'windowOpen'; url: string }
  | { cmd: 'permission'; kind: 'request' | 'check'; permission: string; url?: string; origin?: string }
  | { cmd: 'secondInstance'; before?: 'minimize' | 'hide' }
  | { cmd: 'pageFailure'; kind: 'load-failed' | 'renderer-gone'; errorCode?: number; url?: string; isMainFrame?: boolean; reason?: string }
  | { cmd: 'quit'; waitMs?: number; via?: 'app.quit' | 'os-shutdown' | 'session-end' }
  /** The user resizes or moves the window to `bounds`; answers after main's debounce has written it. */
  | { cmd: 'resize'; bounds: { x: number; y: number; width: number; height: number } }
  /** The application menu main set: its template without the click handlers, or null. */
  | { cmd: 'menu' }
  /** The user picks the menu item with `id` (anywhere in the menu bar); answers once its click ran. */
  | { cmd: 'menuClick'; id: string }
  /** Waits until main has quit (after a signal, say) or `waitMs` passed. */
  | { cmd: 'untilQuit'; waitMs?: number };

export type DriverReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
