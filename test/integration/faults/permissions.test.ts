/**
 * Permission bits, which root (our CI user) ignores: the history is opened by an unprivileged user
 * (setpriv --reuid=nobody) so chmod really bites. A file that cannot be read is "unreadable" (not
 * damaged, nothing to restore); a sound file in a folder that cannot be written opens read-only.
 */
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { openHistory } from '../../../electron/services/storage/open-history';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');
const NOBODY = 65534;
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A folder others may enter, holding a sound history with one conversation, owned by root. */
function folderWithHistory(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-perm-'));
  dirs.push(dir);
  chmodSync(dir, 0o755);
  const history = openHistory(join(dir, 'ferry.db'));
  history.createConversation({ title: 'Stored by its owner', connectionId: null, model: null });
  history.close();
  // As a history closed by its app is: the WAL folded in, no -wal or -shm beside it. (libsql closes
  // the files only at garbage collection, so whether they are still there would otherwise depend on
  // timing; without a -shm a reader in a folder it cannot write must open the file immutable.)
  for (const f of ['ferry.db-wal', 'ferry.db-shm']) rmSync(join(dir, f), { force: true });
  chmodSync(join(dir, 'ferry.db'), 0o644);
  return dir;
}

/** How the holder sees `dir` when run as nobody. */
async function asNobody(dir: string): Promise<{ status: { ok: boolean; reason?: string; storage?: { writable: boolean; readOnly: boolean; problem?: string } }; conversations: number | null; write: string }> {
  if (process.getuid?.() !== 0) throw new Error('The permission tests drop to an unprivileged user with setpriv and need to start as root (as CI does)');
  const { stdout } = await run(
    'setpriv',
    [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, '--import', 'tsx', 'test/integration/faults/support/holder-status.ts', dir],
    { cwd: ROOT, env: { ...process.env, HOME: tmpdir() } },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

describe('the data folder and its permissions, as a normal user meets them', () => {
  it('a history file the user may not read is "unreadable", not damaged', { timeout: 60_000 }, async () => {
    const dir = folderWithHistory();
    chmodSync(join(dir, 'ferry.db'), 0o000);
    const seen = await asNobody(dir);
    expect(seen.status).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(seen.conversations).toBeNull();
  });

  it('a sound history in a folder the user may not write opens read-only: readable, writes refused as read-only', { timeout: 60_000 }, async () => {
    const dir = folderWithHistory();
    chmodSync(dir, 0o555);
    const seen = await asNobody(dir);
    expect(seen.status).toMatchObject({ ok: true, storage: { writable: false, readOnly: true, problem: 'read_only' } });
    expect(seen.conversations).toBe(1);
    expect(seen.write).toBe('storage_read_only');
  });

  it('the same folder, handed to the user, is simply writable (the control case)', { timeout: 60_000 }, async () => {
    const dir = folderWithHistory();
    chownSync(dir, NOBODY, NOBODY);
    for (const f of ['ferry.db', 'ferry.db-wal', 'ferry.db-shm']) {
      try {
        chownSync(join(dir, f), NOBODY, NOBODY);
      } catch {
        // not every file exists
      }
    }
    const seen = await asNobody(dir);
    expect(seen.status).toMatchObject({ ok: true, storage: { writable: true, readOnly: false } });
    expect(seen.write).toBe('ok');
  });
});
