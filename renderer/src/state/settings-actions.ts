import type { Preferences } from '../../../shared/schemas';
import { getApi } from '../api';
import { resolveLanguage, setLanguage } from '../i18n';
import { applyTheme } from '../ui/theme';
import { useAppStore } from './app-store';

/** Puts language and theme preferences into effect. */
export function applyPreferences(prefs: Preferences): void {
  const info = useAppStore.getState().info;
  setLanguage(resolveLanguage(prefs.language, info?.systemLanguage));
  applyTheme(prefs.theme);
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

export async function setPreference(patch: Pick<Partial<Preferences>, 'language' | 'theme'>): Promise<void> {
  // Apply first so the switch feels instant; the server's answer then confirms it.
  const current = useAppStore.getState().prefs;
  if (current) applyPreferences({ ...current, ...patch });
  const prefs = await getApi().call('prefs.set', patch);
  useAppStore.getState().setPrefs(prefs);
  applyPreferences(prefs);
}
