import { create } from 'zustand';
import type { AppInfo, SaveState, SettingsFileStatus, StorageStatus } from '../../../shared/schemas';
import type { ApiClient } from '../api';
import { useAppStore } from './app-store';
import { reloadSettings } from './settings-actions';

interface FaultState {
  /** Whether the history can be written (null until app.info arrived). */
  storage: StorageStatus | null;
  /** Answers whose text is ahead of what is stored, by message id. */
  unsaved: Record<string, SaveState>;
  settingsFile: SettingsFileStatus | null;
  setStorage(storage: StorageStatus | null): void;
  setSaveState(state: SaveState): void;
  /** Everything main still has pending (replaces what was known). */
  setUnsaved(states: SaveState[]): void;
  setSettingsFile(status: SettingsFileStatus | null): void;
}

export const useFaultStore = create<FaultState>()((set) => ({
  storage: null,
  unsaved: {},
  settingsFile: null,
  setStorage: (storage) => set({ storage }),
  setSaveState: (state) =>
    set((s) => {
      const unsaved = { ...s.unsaved };
      if (state.unsaved > 0 && state.problem) unsaved[state.messageId] = state;
      else delete unsaved[state.messageId];
      return { unsaved };
    }),
  setUnsaved: (states) => set({ unsaved: Object.fromEntries(states.filter((s) => s.unsaved > 0 && s.problem).map((s) => [s.messageId, s])) }),
  setSettingsFile: (settingsFile) => set({ settingsFile }),
}));

/** What app.info says about the disk and the settings file, at boot and after a reconnect. */
export function applyFaultInfo(info: AppInfo): void {
  const store = useFaultStore.getState();
  store.setStorage(info.database?.storage ?? null);
  store.setSettingsFile(info.settingsFile ?? null);
}

/** Keeps the fault state in step with main: keychain, disk and per-answer save state. Returns the unsubscribe. */
export function connectFaultUpdates(api: ApiClient): () => void {
  const offs = [
    api.on('keychain.status', (keychain) => {
      const info = useAppStore.getState().info;
      if (!info) return;
      useAppStore.getState().setInfo({ ...info, keychain });
      // Whether each saved key can be read changed with it: the key fields must say so now, not at
      // the next reload ("can't be read right now", never the last four characters of a key no one can read).
      if (info.keychain.available !== keychain.available) void reloadSettings().catch(() => {});
    }),
    api.on('storage.status', (storage) => useFaultStore.getState().setStorage(storage)),
    api.on('message.saveState', (state) => useFaultStore.getState().setSaveState(state)),
  ];
  return () => {
    for (const off of offs) off();
  };
}

/** Answers still waiting for the disk, for a window that opened (or reloaded) meanwhile. */
export async function loadPendingSaves(api: ApiClient): Promise<void> {
  useFaultStore.getState().setUnsaved(await api.call('storage.pending', {}));
}

/** After a reconnect: events were missed, so read the keychain, disk and settings-file state again. */
export async function refreshFaultInfo(api: ApiClient): Promise<void> {
  const info = await api.call('app.info', {});
  useAppStore.getState().setInfo(info);
  applyFaultInfo(info);
  await loadPendingSaves(api);
}
