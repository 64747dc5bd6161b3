import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the browser host's build is made from, relative to the repository root. */
export const BUILD_INPUTS = ['renderer', 'electron', 'shared', 'vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];
/** What `vite build` writes that `npm run web` needs. */
export const BUILD_OUTPUTS = ['dist-electron/web.cjs', 'dist/renderer/index.html'];

/** The newest modification time under `path` (a file or a folder, walked); null when it does not exist. */
export function newestMtime(path: string): number | null {
  if (!existsSync(path)) return null;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const inner = newestMtime(join(path, entry.name));
    if (inner !== null && inner > newest) newest = inner;
  }
  return newest;
}

/** Current when every output exists and none is older than the newest input. */
export function buildIsCurrent(inputTimes: readonly (number | null)[], outputTimes: readonly (number | null)[]): boolean {
  if (outputTimes.length === 0 || outputTimes.some((t) => t === null)) return false;
  const newestInput = Math.max(0, ...inputTimes.filter((t): t is number => t !== null));
  return Math.min(...(outputTimes as number[])) >= newestInput;
}

export function isBuildCurrent(root: string): boolean {
  return buildIsCurrent(
    BUILD_INPUTS.map((p) => newestMtime(join(root, p))),
    BUILD_OUTPUTS.map((p) => newestMtime(join(root, p))),
  );
}
