import { create } from 'zustand';
import type { AppInfo, ConnectionView, Preferences } from '../../../shared/schemas';
import type { ConnectionState } from '../api';

/** The sections of Settings, in the order of its side list (see features/settings/sections.ts). */
export type SettingsSectionId =
  | 'connections'
  | 'models'
  | 'network'
  | 'appearance'
  | 'data'
  | 'sync'
  | 'shortcuts'
  | 'updates'
  | 'about';

interface AppState {
  info: AppInfo | null;
  prefs: Preferences | null;
  connections: ConnectionView[];
  bridge: ConnectionState;
  /** The Settings section on screen; null while Settings is closed. */
  settingsSection: SettingsSectionId | null;
  setInfo(info: AppInfo): void;
  setPrefs(prefs: Preferences): void;
  setConnections(connections: ConnectionView[]): void;
  setBridge(state: ConnectionState): void;
  /** Opens Settings at a section (Connections unless told); ignores event objects passed by onClick. */
  openSettings(section?: unknown): void;
  closeSettings(): void;
}

export const useAppStore = create<AppState>()((set) => ({
  info: null,
  prefs: null,
  connections: [],
  bridge: 'connecting',
  settingsSection: null,
  setInfo: (info) => set({ info }),
  setPrefs: (prefs) => set({ prefs }),
  setConnections: (connections) => set({ connections }),
  setBridge: (bridge) => set({ bridge }),
  openSettings: (section) => set({ settingsSection: typeof section === 'string' ? (section as SettingsSectionId) : 'connections' }),
  closeSettings: () => set({ settingsSection: null }),
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
