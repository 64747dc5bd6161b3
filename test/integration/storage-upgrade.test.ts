import { existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'libsql';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, listBackups } from '../../electron/services/storage/database-guard';
import { migrate } from '../../electron/services/storage/migrate';
import { MIGRATIONS } from '../../electron/services/storage/migrations';
import { scalar, useStorageSandbox } from './storage-fixtures';
import { startTestCore, type TestCore } from './support/test-core';

const LATEST = MIGRATIONS.length;
const sandbox = useStorageSandbox();

/**
 * A database exactly as schema version `version` left it: created by running the first `version`
 * migrations, filled through that version's own columns (version 1's, which every later one keeps).
 */
function buildFixture(file: string, version: number): { conversations: number; messages: string[] } {
  mkdirSync(join(file, '..'), { recursive: true });
  const db = new Database(file);
  db.exec('PRAGMA journal_mode = WAL');
  migrate(db, MIGRATIONS.slice(0, version));
  const messages: string[] = [];
  const insertConversation = db.prepare(
    `INSERT INTO conversations (id, title, title_is_auto, created_at, updated_at, connection_id, model)
     VALUES (?, ?, 1, ?, ?, NULL, 'm')`,
  );
  const insertMessage = db.prepare(
    `INSERT INTO messages (id, conversation_id, parent_id, role, content, status, error_json, model, created_at, updated_at, seq)
     VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let c = 0; c < 3; c++) {
      insertConversation.run(`c${c}`, `Conversation ${c} 对话`, 1000 + c, 2000 + c);
      let parent: string | null = null;
      for (let m = 0; m < 4; m++) {
        const id = `c${c}-m${m}`;
        const content = m % 2 === 0 ? `question ${c}.${m}: 如何部署服务器 kubernetes` : `answer ${c}.${m} with \`code\` 部署完成`;
        insertMessage.run(id, `c${c}`, parent, m % 2 === 0 ? 'user' : 'assistant', content, 'done', 1000 + c * 10 + m, 1000 + c * 10 + m, m + 1);
        messages.push(content);
        parent = id;
      }
    }
  })();
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
  return { conversations: 3, messages };
}

describe('upgrading a database from every earlier schema version', () => {
  const earlier = Array.from({ length: LATEST - 1 }, (_, i) => i + 1);

  it('has earlier versions to test', () => {
    expect(earlier.length).toBeGreaterThanOrEqual(2);
  });

  it.each(earlier)('version %i upgrades to the latest with its data intact, after a backup', (version) => {
    const fixture = buildFixture(sandbox.file(), version);
    expect(scalar(sandbox.raw(), 'PRAGMA user_version')).toBe(version);

    let backupSeen: string | null = null;
    const repo = sandbox.open();
    expect(scalar(sandbox.raw(), 'PRAGMA user_version')).toBe(LATEST);

    // Everything is still there.
    const list = repo.listConversations();
    expect(list.map((c) => c.id).sort()).toEqual(['c0', 'c1', 'c2']);
    const contents = list.flatMap((c) => repo.listMessages(c.id).map((m) => m.content));
    expect(contents.sort()).toEqual([...fixture.messages].sort());
    expect(repo.getConversation('c1')?.title).toBe('Conversation 1 对话');

    // The search index was built over the old messages.
    expect(repo.search('kubernetes').groups.map((g) => g.conversationId).sort()).toEqual(['c0', 'c1', 'c2']);
    expect(repo.search('部署').groups).toHaveLength(3);
    // …and over the old titles.
    const byTitle = repo.search('conversation 对话').groups;
    expect(byTitle.map((g) => g.conversationId).sort()).toEqual(['c0', 'c1', 'c2']);
    expect(byTitle.every((g) => g.titleSnippet?.some((s) => s.match && s.text.toLowerCase() === 'conversation'))).toBe(true);

    // The copy was made before migrating: it is at the old version with the same rows.
    const backups = listBackups(sandbox.file());
    expect(backups).toHaveLength(1);
    backupSeen = backups[0]!.file;
    expect(backupSeen).toMatch(new RegExp(`^ferry-v${version}-\\d{8}T\\d{9}Z\\.db$`));
    expect(backups[0]!.version).toBe(version);
    const copy = sandbox.raw(join(sandbox.dir(), 'nested', 'data', 'backups', backupSeen));
    expect(scalar(copy, 'PRAGMA user_version')).toBe(version);
    expect(scalar(copy, 'SELECT count(*) FROM messages')).toBe(fixture.messages.length);
    expect(scalar(copy, 'PRAGMA quick_check')).toBe('ok');
  });

  it('version 5 (assistants, prompts, attachments) upgrades with them intact, and sync notes their changes', () => {
    buildFixture(sandbox.file(), 5);
    const v5 = sandbox.raw();
    v5.exec(`
      INSERT INTO assistants (id, name, avatar, system_prompt, model, temperature, source, created_at, updated_at)
        VALUES ('as1', '翻译官', '🌐', 'Translate.', 'gpt-4o', 0.3, 'nextchat', 1, 1);
      INSERT INTO prompts (id, title, body, created_at, updated_at) VALUES ('p1', 'Polish', 'Polish: {{selection}}', 1, 1);
      INSERT INTO attachments (id, kind, mime, original_size, size, width, height, tokens, created_at)
        VALUES ('${'a'.repeat(64)}', 'image', 'image/png', 70, 70, 1, 1, 85, 1);
      INSERT INTO message_attachments (message_id, position, attachment_id, name) VALUES ('c0-m0', 0, '${'a'.repeat(64)}', 'pixel.png');
      UPDATE conversations SET assistant_id = 'as1' WHERE id = 'c0';
    `);
    v5.close();

    sandbox.open().close();
    const db = sandbox.raw();
    expect(scalar(db, 'PRAGMA user_version')).toBe(LATEST);
    expect(db.prepare('SELECT name, avatar, system_prompt, temperature, source FROM assistants').all()).toEqual([
      expect.objectContaining({ name: '翻译官', avatar: '🌐', system_prompt: 'Translate.', temperature: 0.3, source: 'nextchat' }),
    ]);
    expect(scalar(db, 'SELECT body FROM prompts')).toBe('Polish: {{selection}}');
    expect(scalar(db, `SELECT name FROM message_attachments WHERE message_id = 'c0-m0'`)).toBe('pixel.png');
    expect(scalar(db, `SELECT assistant_id FROM conversations WHERE id = 'c0'`)).toBe('as1');
    // Sync's bookkeeping exists, is off, and once on notes edits of assistants and prompts too.
    expect(scalar(db, 'SELECT enabled FROM sync_state')).toBe(0);
    db.exec(`UPDATE assistants SET name = 'x' WHERE id = 'as1'`);
    expect(scalar(db, 'SELECT count(*) FROM sync_dirty')).toBe(0);
    db.exec('UPDATE sync_state SET enabled = 1');
    db.exec(`UPDATE assistants SET name = 'y' WHERE id = 'as1'; DELETE FROM prompts WHERE id = 'p1'`);
    expect(db.prepare('SELECT kind, entity_id FROM sync_dirty ORDER BY seq').all()).toEqual([
      expect.objectContaining({ kind: 'a', entity_id: 'as1' }),
      expect.objectContaining({ kind: 'p', entity_id: 'p1' }),
    ]);
  });

  it('makes no backup for a new database or one already at the latest version', () => {
    sandbox.open().close();
    sandbox.open().close();
    expect(existsSync(join(sandbox.dir(), 'nested', 'data', 'backups'))).toBe(false);
  });

  it('does not migrate when the backup cannot be written, and leaves the database at its version', () => {
    buildFixture(sandbox.file(), 1);
    // A file where the backups folder should be: mkdir fails, so the migration must not run.
    writeFileSync(join(sandbox.dir(), 'nested', 'data', 'backups'), 'not a folder');
    expect(() => sandbox.open()).toThrow();
    expect(scalar(sandbox.raw(), 'PRAGMA user_version')).toBe(1);
  });
});

describe('a damaged database is never overwritten', () => {
  const expectRefused = (file: string): DatabaseUnavailableError => {
    let thrown: unknown;
    try {
      sandbox.open(file);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DatabaseUnavailableError);
    return thrown as DatabaseUnavailableError;
  };

  it('refuses a file of garbage bytes and leaves it byte-identical', () => {
    mkdirSync(join(sandbox.file(), '..'), { recursive: true });
    const garbage = Buffer.alloc(64 * 1024, 0);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 251;
    writeFileSync(sandbox.file(), garbage);

    const error = expectRefused(sandbox.file());
    expect(error.reason).toBe('corrupt');
    expect(error.code).toBe('database_corrupt');
    expect(error.path).toBe(sandbox.file());
    expect(readFileSync(sandbox.file()).equals(garbage)).toBe(true);
    expect(readdirSync(join(sandbox.file(), '..')).sort()).toEqual(['history.db']);
  });

  it('refuses a truncated database, names the newest backup, and leaves the file byte-identical', () => {
    buildFixture(sandbox.file(), 1);
    sandbox.open().close(); // migrates: makes a backup
    const backup = listBackups(sandbox.file())[0]!.file;
    const big = sandbox.open();
    const c = big.createConversation({ title: 'big', connectionId: null, model: null });
    for (let i = 0; i < 200; i++) {
      big.insertMessage({ conversationId: c.id, parentId: null, role: 'user', content: `row ${i} `.repeat(200), status: 'done', model: null });
    }
    big.close();
    const size = readFileSync(sandbox.file()).length;
    truncateSync(sandbox.file(), Math.floor(size / 2));
    const before = readFileSync(sandbox.file());

    const error = expectRefused(sandbox.file());
    expect(error.reason).toBe('corrupt');
    expect(error.backups[0]?.file).toBe(backup);
    expect(error.toJSON().details).toMatchObject({ path: sandbox.file(), newestBackup: backup });
    expect(readFileSync(sandbox.file()).equals(before)).toBe(true);
  });

  it('checks the whole file before migrating: damage deep in the messages table stops the upgrade untouched', () => {
    buildFixture(sandbox.file(), 1);
    const db = sandbox.raw();
    const root = Number(scalar(db, `SELECT rootpage FROM sqlite_schema WHERE name = 'messages'`));
    const pageSize = Number(scalar(db, 'PRAGMA page_size'));
    db.close();
    const bytes = readFileSync(sandbox.file());
    bytes.fill(0x5a, (root - 1) * pageSize, root * pageSize);
    writeFileSync(sandbox.file(), bytes);

    const error = expectRefused(sandbox.file());
    expect(error.reason).toBe('corrupt');
    expect(readFileSync(sandbox.file()).equals(bytes)).toBe(true);
    expect(listBackups(sandbox.file())).toEqual([]);
  });
});

describe('recovery mode in the core', () => {
  let t: TestCore | null = null;
  afterEach(async () => {
    await t?.dispose();
    t = null;
  });

  it('starts with a corrupt database, reports it, and restores the newest backup without deleting anything', async () => {
    const dataDir = join(sandbox.dir(), 'data-dir');
    const dbFile = join(dataDir, 'ferry.db');
    buildFixture(dbFile, 1);
    sandbox.open(dbFile).close(); // upgrade: backup ferry-v1-*.db
    const garbage = Buffer.from('this is not a sqlite database '.repeat(200));
    writeFileSync(dbFile, garbage);

    t = await startTestCore(dataDir);
    const info = await t.call('app.info', {});
    expect(info.database).toMatchObject({ ok: false, reason: 'corrupt', path: dbFile });
    const backup = info.database?.backups[0]?.file;
    expect(backup).toMatch(/^ferry-v1-/);

    const refused = await t.core.router.dispatch('conversations.list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'database_corrupt' } });
    expect((await t.core.router.dispatch('search.query', { text: 'kubernetes' })).ok).toBe(false);

    const bad = await t.core.router.dispatch('app.restoreBackup', { file: '../../etc/passwd' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const status = await t.call('app.restoreBackup', { file: backup! });
    expect(status.ok).toBe(true);
    // The broken file was moved aside, byte for byte.
    const broken = readdirSync(join(dataDir, 'broken')).filter((f) => f.endsWith('.db'));
    expect(broken).toHaveLength(1);
    expect(readFileSync(join(dataDir, 'broken', broken[0]!)).equals(garbage)).toBe(true);
    // The backup is still there, and its data is live again, searchable too.
    expect(existsSync(join(dataDir, 'backups', backup!))).toBe(true);
    expect((await t.call('conversations.list', {})).map((c) => c.id).sort()).toEqual(['c0', 'c1', 'c2']);
    expect((await t.call('search.query', { text: 'kubernetes' })).groups).toHaveLength(3);
    expect((await t.call('app.info', {})).database?.ok).toBe(true);

    // Restoring over a healthy database is refused.
    const again = await t.core.router.dispatch('app.restoreBackup', { file: backup! });
    expect(again).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('reports a healthy database in app.info', async () => {
    t = await startTestCore(join(sandbox.dir(), 'fresh'));
    expect((await t.call('app.info', {})).database).toEqual({ ok: true, path: join(t.dataDir, 'ferry.db'), backups: [], storage: { writable: true, readOnly: false } });
  });
});
