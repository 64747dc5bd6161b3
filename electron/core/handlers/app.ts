import type { Handlers } from '../router';
import type { KeyVault } from '../../services/secrets/types';
import type { PreferencesService } from '../../services/settings/preferences-service';
import type { DatabaseStatus, Language, SettingsFileStatus } from '../../../shared/schemas';

type AppHandlers = Pick<Handlers, 'app.info' | 'prefs.get' | 'prefs.set'>;

export function appHandlers(
  info: { host: 'electron' | 'web'; version: string; dataDir: string; systemLanguage: Language },
  prefs: PreferencesService,
  vault: KeyVault,
  databaseStatus: () => DatabaseStatus,
  settingsFileStatus: () => SettingsFileStatus,
): AppHandlers {
  return {
    'app.info': async () => ({
      ...info,
      platform: process.platform,
      keychain: await vault.status(),
      database: databaseStatus(),
      settingsFile: settingsFileStatus(),
    }),
    'prefs.get': () => prefs.read(),
    'prefs.set': (patch) => prefs.update(patch),
  };
}
