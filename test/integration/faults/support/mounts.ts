import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Real storage faults for tests: a small tmpfs that fills up, and a read-only view of a folder.
 * Both need mount(2): root, as in CI (where chmod would not do: root ignores permission bits). When
 * mounting is not possible the test fails with one line saying so — never a skip.
 */
const mount = (args: string[]) => {
  try {
    execFileSync('mount', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? error).trim();
    throw new Error(
      `The fault-injection tests need to mount a tmpfs / read-only bind mount (run as root, as CI does): mount ${args.join(' ')} failed: ${stderr}`,
    );
  }
};

/** Lazy: libsql keeps a closed database's files open until garbage collection (libsql-js #228/#230). */
const unmount = (dir: string) => {
  try {
    execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
  } catch {
    // Already gone.
  }
};

/** Only the empty mount point, never recursively: were the unmount to fail, that would reach the mounted files. */
const removeMountPoint = (dir: string) => {
  try {
    rmdirSync(dir);
  } catch {
    // Still busy or not empty: leave it in the temp folder.
  }
};

export interface SmallDisk {
  /** The mount point: a folder on a file system of `sizeKb`. */
  dir: string;
  /** Writes a filler file until the disk is full (ENOSPC). */
  fill(): void;
  /** Deletes the filler: space is back. */
  free(): void;
  freeBytes(): number;
  unmount(): void;
}

export function smallDisk(sizeKb: number): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-disk-'));
  mount(['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0755`, 'ferry-test-disk', dir]);
  const filler = join(dir, '.filler');
  return {
    dir,
    fill() {
      try {
        writeFileSync(filler, Buffer.alloc(sizeKb * 1024 * 2));
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOSPC') throw error;
      }
      // Small writes may still fit in a last partial page: take those too.
      for (let i = 0; i < 64; i++) {
        try {
          writeFileSync(join(dir, `.filler-${i}`), Buffer.alloc(512));
        } catch {
          break;
        }
      }
    },
    free() {
      rmSync(filler, { force: true });
      for (let i = 0; i < 64; i++) rmSync(join(dir, `.filler-${i}`), { force: true });
    },
    freeBytes() {
      const fs = statfsSync(dir);
      return Number(fs.bavail) * Number(fs.bsize);
    },
    unmount() {
      unmount(dir);
      removeMountPoint(dir);
    },
  };
}

export interface ReadOnlyView {
  /** The same folder as `source`, read-only (a bind mount remounted ro): even root cannot write there. */
  dir: string;
  unmount(): void;
}

export function readOnlyView(source: string): ReadOnlyView {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-ro-'));
  mkdirSync(source, { recursive: true });
  mount(['--bind', source, dir]);
  try {
    mount(['-o', 'remount,bind,ro', dir]);
  } catch (error) {
    unmount(dir);
    throw error;
  }
  return {
    dir,
    unmount() {
      unmount(dir);
      removeMountPoint(dir);
    },
  };
}
