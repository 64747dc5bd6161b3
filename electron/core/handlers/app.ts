import type { Handlers } from '../router';
import type { KeyVault } from '../../services/secrets/types';
import type { PreferencesService } from '../../services/settings/preferences-service';
import type { Language } from '../../../shared/schemas';

type AppHandlers = Pick<Handlers, 'app.info' | 'prefs.get' | 'prefs.set'>;

export function appHandlers(
  info: { host: 'electron' | 'web'; version: string; dataDir: string; systemLanguage: Language },
  prefs: PreferencesService,
  vault: KeyVault,
): AppHandlers {
  return {
    'app.info': async () => ({ ...info, platform: process.platform, keychain: await vault.status() }),
    'prefs.get': () => prefs.read(),
    'prefs.set': (patch) => prefs.update(patch),
  };
}
