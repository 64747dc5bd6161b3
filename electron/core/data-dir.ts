import { join } from 'node:path';

export const APP_NAME = 'Ferry';

/**
 * The per-user data directory, computed exactly as Electron computes `userData`
 * (appData + app name), so the browser host and the Electron app share one history.
 * FERRY_DATA_DIR overrides it for both hosts. The Windows portable exe keeps its data in a
 * `Ferry Data` folder beside itself (its launcher sets PORTABLE_EXECUTABLE_DIR).
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = env.HOME ?? env.USERPROFILE ?? '.',
): string {
  if (env.FERRY_DATA_DIR) return env.FERRY_DATA_DIR;
  if (platform === 'win32' && env.PORTABLE_EXECUTABLE_DIR) return join(env.PORTABLE_EXECUTABLE_DIR, `${APP_NAME} Data`);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME);
}

export const dataFiles = (dataDir: string) => ({
  database: join(dataDir, 'ferry.db'),
  /** Attached files, content-addressed (attachments/ab/abcdef…). */
  attachments: join(dataDir, 'attachments'),
  /** electron-store and conf both write `<cwd>/config.json`. */
  configName: 'config',
});
