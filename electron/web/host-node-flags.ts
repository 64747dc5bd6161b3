import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The Node options the browser host runs with, kept in `host-node-flags.json` beside this file so
 * whatever starts a host (`npm run web`, the tests' and the benchmark's spawners) starts it the
 * same way, and a spawner starting another build's host reads that build's own options.
 * A missing file means none (builds from before the file existed).
 */
export function hostNodeFlags(root: string): string[] {
  const file = resolve(root, 'electron/web/host-node-flags.json');
  if (!existsSync(file)) return [];
  const flags: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(flags) || !flags.every((f) => typeof f === 'string')) throw new Error(`${file}: expected an array of strings`);
  return flags;
}
