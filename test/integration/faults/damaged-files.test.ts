/**
 * Damaged and empty files in the data folder, through the core: a 0-byte or zeroed ferry.db, a
 * config.json cut short or emptied. What the UI is told (app.info), what it can do about it
 * (restore a backup / a previous settings copy, start fresh), and that recovery never deletes or
 * overwrites a file: every byte that was in the folder is still there afterwards, somewhere.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openHistory } from '../../../electron/services/storage/open-history';
import { startTestCore, type TestCore } from '../support/test-core';

let dataDir: string;
let t: TestCore | null = null;

afterEach(async () => {
  await t?.core.shutdown();
  t = null;
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every file in the folder (recursively) by its content hash: recovery may move files, never lose one. */
function contents(dir: string): Map<string, string> {
  const byHash = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else byHash.set(createHash('sha256').update(readFileSync(path)).digest('hex'), relative(dir, path));
    }
  };
  walk(dir);
  return byHash;
}
const expectNothingLost = (before: Map<string, string>, after: Map<string, string>) => {
  for (const [hash, file] of before) expect(after.has(hash), `the content of ${file} is gone`).toBe(true);
};

function historyWithBackup(): void {
  dataDir = mkdtempSync(join(tmpdir(), 'ferry-damaged-'));
  const history = openHistory(join(dataDir, 'ferry.db'));
  history.createConversation({ title: 'In the backup', connectionId: null, model: null });
  history.close();
  mkdirSync(join(dataDir, 'backups'));
  copyFileSync(join(dataDir, 'ferry.db'), join(dataDir, 'backups', 'ferry-v3-20260101T000000000Z.db'));
}

describe('a damaged history database', () => {
  it('a 0-byte ferry.db is not a fresh install: the backups are offered, and restoring keeps the empty file', async () => {
    historyWithBackup();
    writeFileSync(join(dataDir, 'ferry.db'), '');
    for (const suffix of ['-wal', '-shm']) rmSync(join(dataDir, `ferry.db${suffix}`), { force: true });
    const before = contents(dataDir);
    t = await startTestCore(dataDir);
    const { database } = await t.call('app.info', {});
    expect(database).toMatchObject({ ok: false, reason: 'empty', backups: [expect.objectContaining({ file: 'ferry-v3-20260101T000000000Z.db' })] });
    expect(await t.core.router.dispatch('conversations.list', {})).toMatchObject({ ok: false, error: { code: 'database_corrupt' } });

    const restored = await t.call('app.restoreBackup', { file: 'ferry-v3-20260101T000000000Z.db' });
    expect(restored).toMatchObject({ ok: true });
    expect((await t.call('conversations.list', {})).map((c) => c.title)).toEqual(['In the backup']);
    const broken = readdirSync(join(dataDir, 'broken')).filter((f) => f.endsWith('.db'));
    expect(broken.map((f) => statSync(join(dataDir, 'broken', f)).size)).toEqual([0]);
    expectNothingLost(before, contents(dataDir));
  });

  it('a 0-byte ferry.db without backups: "start with an empty history" moves it aside, never deletes it', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ferry-damaged-'));
    writeFileSync(join(dataDir, 'ferry.db'), '');
    t = await startTestCore(dataDir);
    expect((await t.call('app.info', {})).database).toMatchObject({ ok: false, reason: 'empty', backups: [] });
    expect(await t.call('app.startFreshHistory', {})).toMatchObject({ ok: true });
    expect(await t.call('conversations.list', {})).toEqual([]);
    expect(readdirSync(join(dataDir, 'broken')).filter((f) => f.endsWith('.db'))).toHaveLength(1);
    // Only in recovery mode.
    expect(await t.core.router.dispatch('app.startFreshHistory', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a zeroed ferry.db (right size, every byte 0) is damaged, named so, and left byte-identical', async () => {
    historyWithBackup();
    const size = statSync(join(dataDir, 'ferry.db')).size;
    writeFileSync(join(dataDir, 'ferry.db'), Buffer.alloc(size));
    t = await startTestCore(dataDir);
    expect((await t.call('app.info', {})).database).toMatchObject({ ok: false, reason: 'corrupt' });
    await t.core.shutdown();
    t = null;
    expect(readFileSync(join(dataDir, 'ferry.db')).equals(Buffer.alloc(size))).toBe(true);
  });
});

describe('a damaged settings file', () => {
  async function settingsWithConnections(): Promise<string[]> {
    dataDir = mkdtempSync(join(tmpdir(), 'ferry-damaged-'));
    t = await startTestCore(dataDir);
    const ids: string[] = [];
    for (const name of ['Relay', 'Official']) ids.push((await t.call('connections.save', { name, baseUrl: 'https://api.example.com/v1', model: 'm' })).id);
    await t.core.shutdown();
    t = null;
    return ids;
  }

  for (const [what, damage] of [
    ['cut short', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['emptied (0 bytes)', () => ''],
  ] as const) {
    it(`${what}: moved aside, the UI is told, and the previous copy brings every connection back`, async () => {
      const ids = await settingsWithConnections();
      const file = join(dataDir, 'config.json');
      writeFileSync(file, damage(readFileSync(file, 'utf8')));
      const before = contents(dataDir);

      t = await startTestCore(dataDir);
      const { settingsFile } = await t.call('app.info', {});
      expect(settingsFile?.recovered).toMatchObject({ movedTo: expect.stringMatching(/config\.json\.damaged-/) });
      expect(settingsFile?.copies[0]).toMatchObject({ file: 'config.json.1', connections: 2 });
      expect(await t.call('connections.list', {})).toEqual([]);
      // Changing a setting meanwhile must not push the good copy out.
      for (const theme of ['dark', 'light', 'dark', 'light'] as const) await t.call('prefs.set', { theme });
      expect((await t.call('app.info', {})).settingsFile?.copies.map((c) => c.connections)).toContain(2);

      const restored = await t.call('settings.restoreCopy', { file: settingsFile!.copies.find((c) => c.connections === 2)!.file });
      expect(restored.recovered).toBeNull();
      expect((await t.call('connections.list', {})).map((c) => c.id)).toEqual(ids);
      expectNothingLost(before, contents(dataDir));
      // Across a restart: no banner again, connections still there.
      await t.core.shutdown();
      t = await startTestCore(dataDir);
      expect((await t.call('app.info', {})).settingsFile?.recovered).toBeNull();
      expect(await t.call('connections.list', {})).toHaveLength(2);
    });
  }

  it('the recovery notice stays across restarts until the user restores or dismisses it', async () => {
    await settingsWithConnections();
    writeFileSync(join(dataDir, 'config.json'), '{"connections": [');
    t = await startTestCore(dataDir);
    await t.core.shutdown();
    t = await startTestCore(dataDir);
    expect((await t.call('app.info', {})).settingsFile?.recovered).not.toBeNull();
    expect((await t.call('settings.dismissRecovery', {})).recovered).toBeNull();
    expect(readdirSync(dataDir).filter((f) => f.startsWith('config.json.damaged-'))).toHaveLength(1);
  });

  it('keeps three rotating copies, each written after a successful change', async () => {
    await settingsWithConnections();
    t = await startTestCore(dataDir);
    for (const theme of ['dark', 'light', 'dark', 'light', 'dark'] as const) await t.call('prefs.set', { theme });
    const copies = (await t.call('app.info', {})).settingsFile!.copies;
    expect(copies.map((c) => c.file)).toEqual(['config.json.1', 'config.json.2', 'config.json.3']);
    expect(readFileSync(join(dataDir, 'config.json.1'), 'utf8')).toBe(readFileSync(join(dataDir, 'config.json'), 'utf8'));
  });

  it('a connection this version cannot read is kept in the file through later changes', async () => {
    await settingsWithConnections();
    const file = join(dataDir, 'config.json');
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { connections: unknown[] };
    const future = { id: 'from-a-newer-ferry', name: 'x'.repeat(500), baseUrl: 'https://future.example/v1', model: 'm' };
    writeFileSync(file, JSON.stringify({ ...stored, connections: [...stored.connections, future] }));
    t = await startTestCore(dataDir);
    expect(await t.call('connections.list', {})).toHaveLength(2);
    await t.call('prefs.set', { theme: 'dark' });
    const [first] = await t.call('connections.list', {});
    await t.call('connections.delete', { id: first!.id });
    expect((JSON.parse(readFileSync(file, 'utf8')) as { connections: unknown[] }).connections).toContainEqual(future);
  });
});
