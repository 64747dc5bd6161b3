import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { extractAll } from '@electron/asar';

/**
 * A copy of a packed app's resources/ that plain Node can load from: `app.asar/` is the archive
 * extracted (with its unpacked files in place, which is what Electron shows JavaScript), and
 * `app.asar.unpacked/` the real unpacked files, where Electron loads native code and where the
 * document thread reads pdf.js. Returns the new resources/ folder.
 */
export function copyPackedResources(resources: string, dest: string): string {
  const copy = join(dest, 'resources');
  mkdirSync(copy, { recursive: true });
  extractAll(join(resources, 'app.asar'), join(copy, 'app.asar'));
  cpSync(join(resources, 'app.asar.unpacked'), join(copy, 'app.asar.unpacked'), { recursive: true });
  return copy;
}

/** The file main.cjs would resolve libraries from, inside the copy. */
export const packedMain = (copy: string): string => join(copy, 'app.asar', 'dist-electron', 'main.cjs');

/**
 * Folders above `dir` holding a node_modules: Node would fall back to them for anything the copy
 * lacks, and a missing file would go unnoticed.
 */
export function nodeModulesAbove(dir: string): string[] {
  const found: string[] = [];
  for (let d = dirname(dir); ; d = dirname(d)) {
    if (existsSync(join(d, 'node_modules'))) found.push(d);
    if (d === dirname(d)) return found;
  }
}

/** Runs `fn` with `path` moved away, then puts it back. */
export async function without<T>(path: string, fn: () => Promise<T>): Promise<T> {
  if (!existsSync(path)) throw new Error(`${path} is not in the copy`);
  renameSync(path, `${path}.away`);
  try {
    return await fn();
  } finally {
    renameSync(`${path}.away`, path);
  }
}

export interface PackedSharpRun {
  ok: boolean;
  error: string;
  result?: {
    input: { width: number; height: number };
    png: { format: string; width: number; height: number; bytes: number };
    jpeg: { format: string; width: number; height: number; bytes: number };
    thumb: { format: string; width: number; height: number; bytes: number };
    loaded: string[];
    dlopened: string[];
  };
}

/** sharp from the copy, in its own Node process (see packed-sharp.mjs). */
export function runPackedSharp(copy: string, pngFile: string): PackedSharpRun {
  const env = { ...process.env };
  delete env.NODE_PATH;
  const run = spawnSync(process.execPath, [join(import.meta.dirname, 'packed-sharp.mjs'), copy, pngFile], { cwd: copy, env, encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) return { ok: false, error: `${run.stderr}${run.error ? String(run.error) : ''}` };
  return { ok: true, error: '', result: JSON.parse(run.stdout) as PackedSharpRun['result'] };
}
