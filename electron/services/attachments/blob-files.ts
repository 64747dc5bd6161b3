import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

const ID = /^[0-9a-f]{64}$/;

/**
 * Content-addressed files under `<data folder>/attachments/ab/abcdef…`: a file is written once under
 * the hash of its bytes as added, so the same screenshot pasted twice is stored once.
 */
export function createBlobFiles(dir: string) {
  const pathOf = (id: string): string => {
    // The id comes from our own hashing, but it is also a route input: never a path of its own.
    if (!ID.test(id)) throw new Error('not an attachment id');
    return join(dir, id.slice(0, 2), id);
  };
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
