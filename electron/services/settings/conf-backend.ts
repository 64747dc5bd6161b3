import Conf from 'conf';
import { join } from 'node:path';
import type { Logger } from '../../core/logger';
import { guardConfigFile } from './config-guard';
import type { PreferencesBackend } from './preferences-service';

/**
 * Preferences through `conf`, electron-store's engine: same file name, same format, so the
 * browser host and the Electron app read each other's settings. A file that is not valid JSON is
 * moved aside first (never silently overwritten; see config-guard.ts) and Ferry starts from defaults.
 */
export function createConfBackend(dataDir: string, configName: string, logger: Logger): PreferencesBackend {
  const recovery = guardConfigFile(join(dataDir, `${configName}.json`));
  if (recovery) logger.warn(`preferences file was not valid JSON; moved to ${recovery.movedTo}`);
  return new Conf<Record<string, unknown>>({ cwd: dataDir, configName, projectName: 'ferry', clearInvalidConfig: false });
}
