import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/bridge';
import type { Core } from '../core/create-core';
import { isTrustedSender, type SenderFacts } from './policy/sender-check';

/** The facts the sender check decides on, read from Electron's event. */
export function senderFacts(event: IpcMainInvokeEvent): SenderFacts {
  const frame = event.senderFrame;
  const main = event.sender.mainFrame;
  return {
    frameUrl: frame?.url,
    frameOrigin: frame?.origin,
    // By ids, not object identity: the frame and its page's top frame are the same frame.
    isMainFrame: !!frame && !!main && frame.processId === main.processId && frame.routingId === main.routingId,
    inOwnWindow: BrowserWindow.fromWebContents(event.sender) !== null,
  };
}

export function connectIpc(core: Core, allowedOrigins: readonly string[]): void {
  ipcMain.handle(IPC_INVOKE, (event, route: unknown, input: unknown) => {
    if (!isTrustedSender(senderFacts(event), allowedOrigins)) {
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
