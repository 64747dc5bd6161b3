import { BrowserWindow, ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE, IPC_WATCH } from '../../shared/bridge';
import type { Core } from '../core/create-core';
import { deliversTo, parseWatch } from '../core/event-watch';
import { isTrustedSender, type SenderFacts } from './policy/sender-check';

/** The facts the sender check decides on, read from Electron's event. */
export function senderFacts(event: IpcMainInvokeEvent | IpcMainEvent): SenderFacts {
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
  // The conversation each window's page shows, by webContents id (event-watch.ts); none said: everything.
  const watches = new Map<number, string | null>();
  ipcMain.on(IPC_WATCH, (event, conversationId: unknown) => {
    if (!isTrustedSender(senderFacts(event), allowedOrigins)) return;
    const { id } = event.sender;
    if (!watches.has(id)) event.sender.once('destroyed', () => watches.delete(id));
    watches.set(id, parseWatch(conversationId));
  });
  core.events.subscribe((event) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (win.isDestroyed() || !deliversTo(watches.get(win.webContents.id) ?? null, event)) continue;
      win.webContents.send(IPC_EVENT, event);
    }
  });
}
