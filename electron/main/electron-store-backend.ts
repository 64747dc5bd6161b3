import Store from 'electron-store';
import type { PreferencesBackend } from '../services/settings/preferences-service';

/**
 * Preferences through electron-store: `<userData>/config.json`, the same file the browser host
 * reads with `conf`. An unreadable file is reset rather than crashing the app at start.
 */
export function createElectronStoreBackend(cwd: string, name: string): PreferencesBackend {
  return new Store<Record<string, unknown>>({ cwd, name, clearInvalidConfig: true });
}
