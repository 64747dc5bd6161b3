import { contextBridge, ipcRenderer } from 'electron';
import { IPC_EVENT, IPC_INVOKE, IPC_WATCH, type FerryBridge } from '../../shared/bridge';
import type { AnyEvent } from '../../shared/events';

// A forwarder, nothing more: validation and authorization happen in main.
const bridge: FerryBridge = {
  invoke: (route, input) => ipcRenderer.invoke(IPC_INVOKE, route, input),
  onEvent(listener) {
    const handler = (_event: Electron.IpcRendererEvent, payload: AnyEvent) => listener(payload);
    ipcRenderer.on(IPC_EVENT, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT, handler);
  },
  watch: (conversationId) => ipcRenderer.send(IPC_WATCH, conversationId),
};

contextBridge.exposeInMainWorld('ferry', bridge);
