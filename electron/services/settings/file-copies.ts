import { copyFileSync, existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Rotating copies of a small file next to it: `<file>.1` (newest) … `<file>.<keep>`. Made after
 * each successful write, so there is always a recent good copy to go back to when the file itself
 * gets damaged. Used for the settings file; the same two functions serve any other small file.
 */
export interface FileCopy {
  /** The copy's file name, e.g. `config.json.1`. */
  name: string;
  path: string;
  savedAt: number;
  size: number;
}

const copyPath = (file: string, n: number) => `${file}.${n}`;

/**
 * Copies `file` to `<file>.1`, shifting older copies up and letting the one past `keep` go. Does
 * nothing when `.1` already holds the same bytes (a write that changed nothing). Throws on I/O
 * errors: the caller decides whether a missing copy matters.
 */
export function keepCopy(file: string, keep = 3): void {
  if (!existsSync(file)) return;
  const newest = copyPath(file, 1);
  if (existsSync(newest) && readFileSync(newest).equals(readFileSync(file))) return;
  for (let n = keep - 1; n >= 1; n--) {
    if (existsSync(copyPath(file, n))) renameSync(copyPath(file, n), copyPath(file, n + 1));
  }
  copyFileSync(file, newest);
}

/** The copies of `file` there are, newest first. */
export function listCopies(file: string, keep = 9): FileCopy[] {
  const copies: FileCopy[] = [];
  for (let n = 1; n <= keep; n++) {
    const path = copyPath(file, n);
    if (!existsSync(path)) continue;
    const stats = statSync(path);
    copies.push({ name: basename(path), path, savedAt: stats.mtimeMs, size: stats.size });
  }
  return copies;
}

/** The path of the copy named `name` (as listCopies gives it), or null when that is not one of its copies. */
export function copyNamed(file: string, name: string): string | null {
  const match = new RegExp(`^${basename(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.([1-9])$`).exec(name);
  if (!match) return null;
  const path = join(dirname(file), name);
  return existsSync(path) ? path : null;
}
