import { create } from 'zustand';
import type { AppInfo, ConnectionView, Preferences } from '../../../shared/schemas';
import type { ConnectionState } from '../api';

interface AppState {
  info: AppInfo | null;
  prefs: Preferences | null;
  connections: ConnectionView[];
  bridge: ConnectionState;
  settingsOpen: boolean;
  setInfo(info: AppInfo): void;
  setPrefs(prefs: Preferences): void;
  setConnections(connections: ConnectionView[]): void;
  setBridge(state: ConnectionState): void;
  openSettings(): void;
  closeSettings(): void;
}

export const useAppStore = create<AppState>()((set) => ({
  info: null,
  prefs: null,
  connections: [],
  bridge: 'connecting',
  settingsOpen: false,
  setInfo: (info) => set({ info }),
  setPrefs: (prefs) => set({ prefs }),
  setConnections: (connections) => set({ connections }),
  setBridge: (bridge) => set({ bridge }),
  openSettings: () => set({ settingsOpen: true }),
  closeSettings: () => set({ settingsOpen: false }),
}));

/** The connection new chats use: the last one chosen, else the first. */
export function selectActiveConnection(state: Pick<AppState, 'prefs' | 'connections'>): ConnectionView | null {
  const lastId = state.prefs?.lastConnectionId;
  return state.connections.find((c) => c.id === lastId) ?? state.connections[0] ?? null;
}

/** Whether there is anything to send to: a connection with an address and a model. */
export function selectIsConfigured(state: Pick<AppState, 'prefs' | 'connections'>): boolean {
  const c = selectActiveConnection(state);
  return !!c && !!c.requestUrl && c.model.trim() !== '';
}
