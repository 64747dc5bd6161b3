import { FONT_SIZE, type Preferences } from '../../../shared/schemas';
import { getApi } from '../api';
import { resolveLanguage, setLanguage } from '../i18n';
import { applyFontSize, applyTheme } from '../ui/theme';
import { useAppStore } from './app-store';

/** Puts language, theme and text size preferences into effect. */
export function applyPreferences(prefs: Preferences): void {
  const info = useAppStore.getState().info;
  setLanguage(resolveLanguage(prefs.language, info?.systemLanguage));
  applyTheme(prefs.theme);
  applyFontSize(prefs.fontSize);
}

/** Re-reads preferences and connections (after a save here or a change in another window). */
export async function reloadSettings(): Promise<void> {
  const api = getApi();
  const [prefs, connections] = await Promise.all([api.call('prefs.get', {}), api.call('connections.list', {})]);
  const store = useAppStore.getState();
  store.setPrefs(prefs);
  store.setConnections(connections);
  applyPreferences(prefs);
}

export type PreferencePatch = Pick<Partial<Preferences>, 'language' | 'theme' | 'fontSize' | 'sidebarCollapsed' | 'shortcuts'>;

let lastChange = 0;

export async function setPreference(patch: PreferencePatch): Promise<void> {
  const change = ++lastChange;
  // Apply first so the switch feels instant; the server's answer then confirms it.
  const current = useAppStore.getState().prefs;
  if (current) {
    useAppStore.getState().setPrefs({ ...current, ...patch });
    applyPreferences({ ...current, ...patch });
  }
  const prefs = await getApi().call('prefs.set', patch);
  // Only the answer to the latest change (main applies them in order, so it holds every one): an
  // earlier answer would undo a later change already shown, and the next step (Ctrl+= pressed
  // twice, then Ctrl+−) would start from that stale value.
  if (change !== lastChange) return;
  useAppStore.getState().setPrefs(prefs);
  applyPreferences(prefs);
}

/** Hides or shows the sidebar; remembered across launches. */
export function toggleSidebar(): Promise<void> {
  return setPreference({ sidebarCollapsed: !useAppStore.getState().prefs?.sidebarCollapsed });
}

/** Ctrl/Cmd + / − / 0: one step bigger or smaller, or back to the default, saved at once. */
export function stepFontSize(step: 1 | -1 | 0): Promise<void> {
  const current = useAppStore.getState().prefs?.fontSize ?? FONT_SIZE.default;
  const next = step === 0 ? FONT_SIZE.default : Math.min(FONT_SIZE.max, Math.max(FONT_SIZE.min, current + step));
  if (next === current) return Promise.resolve();
  return setPreference({ fontSize: next });
}
