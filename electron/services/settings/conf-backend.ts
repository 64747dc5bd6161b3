import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import type { Logger } from '../../core/logger';
import type { PreferencesBackend } from './preferences-service';

/**
 * Preferences through `conf`, electron-store's engine: same file name, same format, so the
 * browser host and the Electron app read each other's settings. A file that is not valid JSON is
 * moved aside (never silently overwritten) and Ferry starts from defaults.
 */
export function createConfBackend(dataDir: string, configName: string, logger: Logger): PreferencesBackend {
  const file = join(dataDir, `${configName}.json`);
  if (existsSync(file)) {
    try {
      JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      const aside = `${file}.corrupt-${Date.now()}`;
      renameSync(file, aside);
      logger.warn(`preferences file was not valid JSON; moved to ${aside}`);
    }
  }
  return new Conf<Record<string, unknown>>({ cwd: dataDir, configName, projectName: 'ferry', clearInvalidConfig: false });
}
