import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The app's root folder (the one holding package.json and dist/). The bundles live in
 * dist-electron/, one level down; under tests the sources run from electron/<host>/.
 */
function appRoot(): string {
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  let dir = here;
  for (let i = 0; i < 4; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'ferry') return dir;
    } catch {
      // keep walking up
    }
    dir = resolve(dir, '..');
  }
  return resolve(here, '..');
}

export function appVersion(root = appRoot()): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export const rendererDir = (root = appRoot()) => join(root, 'dist', 'renderer');
