import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/bridge';
import type { Core } from '../core/create-core';

/** Only our own page, in a window we created, may call the router. */
function fromOwnPage(event: IpcMainInvokeEvent, allowedOrigins: readonly string[]): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  if (!BrowserWindow.fromWebContents(event.sender)) return false;
  try {
    return allowedOrigins.includes(new URL(frame.url).origin);
  } catch {
    return false;
  }
}

export function connectIpc(core: Core, allowedOrigins: readonly string[]): void {
  ipcMain.handle(IPC_INVOKE, (event, route: unknown, input: unknown) => {
    if (!fromOwnPage(event, allowedOrigins)) {
      return { ok: false, error: { code: 'forbidden', message: 'Request from an unknown frame' } };
    }
    return core.router.dispatch(route, input);
  });
  core.events.subscribe((event) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (!win.isDestroyed()) win.webContents.send(IPC_EVENT, event);
    }
  });
}
