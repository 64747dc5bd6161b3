import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

const ID = /^[0-9a-f]{64}$/;

/** Where the file of attachment `id` lives under `dir` (the id is checked: it is never a path of its own). */
export function blobPath(dir: string, id: string): string {
  if (!ID.test(id)) throw new Error('not an attachment id');
  return join(dir, id.slice(0, 2), id);
}

/**
 * Puts `file` into the store under `id` unless a file is there already (content-addressed: it is the
 * same file). `mode` says how: moved (an import's staged copy), or hard-linked, copying where a link
 * is impossible (a backup's copy: the store never rewrites a file in place, so a link is as good as
 * a copy and costs no space). Whole or not at all: a copy goes to a temporary name first.
 */
export function adoptFileSync(dir: string, id: string, file: string, mode: 'move' | 'link' = 'move'): void {
  const target = blobPath(dir, id);
  if (existsSync(target)) return;
  mkdirSync(join(dir, id.slice(0, 2)), { recursive: true });
  try {
    if (mode === 'move') renameSync(file, target);
    else linkSync(file, target);
    return;
  } catch {
    // Another file system, or links not allowed: copy.
  }
  const temp = `${target}.${randomUUID()}.part`;
  try {
    copyFileSync(file, temp);
    renameSync(temp, target);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Ids of every file in a store folder (synchronous, for the backup folder's clean-up). */
export function blobIdsSync(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((shard) => /^[0-9a-f]{2}$/.test(shard))
    .flatMap((shard) => readdirSync(join(dir, shard)).filter((name) => ID.test(name)));
}

/**
 * Content-addressed files under `<data folder>/attachments/ab/abcdef…`: a file is written once under
 * the hash of its bytes as added, so the same screenshot pasted twice is stored once.
 */
export function createBlobFiles(dir: string) {
  // The id comes from our own hashing, but it is also a route input: never a path of its own.
  const pathOf = (id: string): string => blobPath(dir, id);
  return {
    dir,
    /** Atomic: a crash leaves either no file or the whole file, never half of one. */
    async write(id: string, bytes: Uint8Array): Promise<void> {
      const target = pathOf(id);
      await mkdir(join(dir, id.slice(0, 2)), { recursive: true });
      const temp = `${target}.${randomUUID()}.part`;
      try {
        await writeFile(temp, bytes);
        await rename(temp, target);
      } catch (error) {
        // A full disk leaves a partial file, which no clean-up would ever find (it has no id's name).
        await rm(temp, { force: true }).catch(() => {});
        throw error;
      }
    },
    read: (id: string): Promise<Buffer> => readFile(pathOf(id)),
    async remove(id: string): Promise<void> {
      await rm(pathOf(id), { force: true });
    },
    /** Ids of every stored file (for the clean-up of files whose row is gone). */
    async list(): Promise<string[]> {
      const out: string[] = [];
      let shards: string[];
      try {
        shards = await readdir(dir);
      } catch {
        return out;
      }
      for (const shard of shards) {
        if (!/^[0-9a-f]{2}$/.test(shard)) continue;
        for (const name of await readdir(join(dir, shard)).catch(() => [] as string[])) if (ID.test(name)) out.push(name);
      }
      return out;
    },
  };
}

export type BlobFiles = ReturnType<typeof createBlobFiles>;
