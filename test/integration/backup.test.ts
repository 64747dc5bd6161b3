import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../electron/core/logger';
import { createBackupService } from '../../electron/services/backup/backup-service';
import { createConfBackend } from '../../electron/services/settings/conf-backend';
import { PreferencesService } from '../../electron/services/settings/preferences-service';
import { openHistory } from '../../electron/services/storage/open-history';
import { chatGptLinearConversation } from '../fixture/data/chatgpt';
import { importFile } from './support/import-file';
import { startTestCore, type TestCore } from './support/test-core';
import { buildV1Database } from './support/v1-database';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('daily backups', () => {
  it('copies the database and config.json once a day and keeps the newest N', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ferry-daily-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const dbFile = join(dir, 'ferry.db');
    const repo = openHistory(dbFile);
    repo.createConversation({ title: 'Kept safe', connectionId: null, model: null });
    const backend = createConfBackend(dir, 'config', createLogger(() => {}));
    const prefs = new PreferencesService(backend);
    prefs.update({ language: 'zh-CN', backups: { daily: true, keep: 3 } });
    let clock = Date.now();
    const service = createBackupService({ dataDir: dir, dbFile, attachmentsDir: join(dir, 'attachments'), configFile: join(dir, 'config.json'), prefs, prefsBackend: backend, replaceDatabase: () => {}, logger: createLogger(() => {}), now: () => clock });

    expect(service.runDaily()).not.toBeNull();
    // Same day: nothing new.
    expect(service.runDaily()).toBeNull();
    for (let day = 1; day <= 4; day++) {
      clock += 25 * 60 * 60 * 1000;
      expect(service.runDaily()).not.toBeNull();
    }
    const daily = service.overview().backups.filter((b) => b.kind === 'daily');
    expect(daily).toHaveLength(3);
    expect(daily[0]!.createdAt).toBe(clock);
    expect(daily.every((b) => b.hasConfig)).toBe(true);
    repo.close();
  });
});

describe('restore from backup', () => {
  let t: TestCore;
  it('brings the history and settings back, keeping the current state as one more backup', async () => {
    t = await startTestCore();
    cleanups.push(() => t.dispose());
    const file = join(t.dataDir, 'sample.json');
    writeFileSync(file, JSON.stringify([chatGptLinearConversation('b1', 2, 1_700_000_000)]));
    await importFile(t, file);
    await t.call('prefs.set', { language: 'en' });
    const [conversation] = await t.call('conversations.list', {});
    const backup = await t.call('backup.create', {});
    expect(backup).toMatchObject({ kind: 'manual', hasConfig: true });

    await t.call('conversations.rename', { id: conversation!.id, title: 'Renamed after the backup' });
    await t.call('prefs.set', { language: 'zh-CN' });
    const { safetyCopy } = await t.call('backup.restore', { id: backup.id });
    expect(safetyCopy.kind).toBe('before-restore');
    expect((await t.call('conversations.get', { id: conversation!.id })).conversation.title).toBe('Linear b1');
    expect((await t.call('prefs.get', {})).language).toBe('en');
    expect(t.events.some((e) => e.name === 'history.changed')).toBe(true);

    // The restore itself can be undone from the copy it made.
    await t.call('backup.restore', { id: safetyCopy.id });
    expect((await t.call('conversations.get', { id: conversation!.id })).conversation.title).toBe('Renamed after the backup');
    expect((await t.call('prefs.get', {})).language).toBe('zh-CN');
    // Search still finds messages after the file was swapped under it.
    expect((await t.call('search.query', { text: 'lorem' })).groups).toHaveLength(1);
  });

  it('a migration copies config.json beside the database copy', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ferry-migrate-backup-'));
    buildV1Database(join(dataDir, 'ferry.db'), [{ id: 'c1', title: 'Old', messages: [{ id: 'm1', parentId: null, role: 'user', content: 'hi' }] }]);
    writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ language: 'zh-CN' }));
    t = await startTestCore(dataDir);
    cleanups.push(() => t.dispose());
    const names = readdirSync(join(dataDir, 'backups'));
    const db = names.find((n) => /^ferry-v1-.*\.db$/.test(n))!;
    expect(existsSync(join(dataDir, 'backups', db.replace(/\.db$/, '.config.json')))).toBe(true);
    const overview = await t.call('backup.overview', {});
    expect(overview.backups).toContainEqual(expect.objectContaining({ id: db, kind: 'migration', hasConfig: true }));
  });
});
