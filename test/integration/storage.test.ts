import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FerryError } from '../../electron/core/app-error';
import { migrate, SchemaTooNewError, type MigrationResult } from '../../electron/services/storage/migrate';
import { MIGRATIONS, type Migration } from '../../electron/services/storage/migrations';
import type { HistoryRepository } from '../../electron/services/storage/types';
import type { UpstreamError } from '../../shared/schemas';
import { crashWhileStreaming, scalar, schemaNames, useStorageSandbox } from './storage-fixtures';

const LATEST = MIGRATIONS.length;
const sandbox = useStorageSandbox();
const { open, raw } = sandbox;

const chat = (repo: HistoryRepository, title = 'Chat') => repo.createConversation({ title, connectionId: 'conn-1', model: 'gpt-x' });
const say = (repo: HistoryRepository, conversationId: string, content = 'x', status: 'done' | 'streaming' | 'error' = 'done') =>
  repo.insertMessage({ conversationId, parentId: null, role: status === 'done' ? 'user' : 'assistant', content, status, model: null });

describe('schema and migrations', () => {
  it('creates the parent directory, the schema and sets user_version', () => {
    expect(existsSync(join(sandbox.dir(), 'nested'))).toBe(false);
    open().close();

    const db = raw();
    expect(scalar(db, 'PRAGMA user_version')).toBe(LATEST);
    expect(schemaNames(db, 'table')).toEqual([
      'app_state', 'assistants', 'attachments', 'conversations',
      // Version 7: the titles' trigram index and its shadow tables.
      'conversations_title_fts', 'conversations_title_fts_config', 'conversations_title_fts_data',
      'conversations_title_fts_docsize', 'conversations_title_fts_idx',
      'message_attachments', 'messages',
      // Version 3: the FTS5 index and its shadow tables.
      'messages_fts', 'messages_fts_config', 'messages_fts_data', 'messages_fts_docsize', 'messages_fts_idx',
      'prompts', // version 5
      'sync_dirty', 'sync_positions', 'sync_state', 'sync_versions', // version 6
    ]);
    expect(schemaNames(db, 'index')).toEqual([
      'conversations_deleted_at', 'conversations_list', 'conversations_updated_at',
      'message_attachments_attachment', // version 4
      'messages_conversation_seq', 'messages_created_at', 'messages_parent', 'messages_status',
    ]);
    const columns = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    expect(columns('conversations')).toEqual([
      'id', 'title', 'title_is_auto', 'created_at', 'updated_at', 'connection_id', 'model',
      'active_leaf_id', 'system_prompt', 'context_messages', 'temperature', 'top_p', 'max_tokens', // version 2
      'pinned', 'deleted_at', // version 3
      'assistant_id', // version 5
    ]);
    expect(columns('messages')).toEqual([
      'id', 'conversation_id', 'parent_id', 'role', 'content', 'status', 'error_json', 'model', 'created_at', 'updated_at', 'seq',
      'reasoning', 'reasoning_ms', 'prompt_tokens', 'completion_tokens', 'usage_estimated', // version 2
    ]);
    const fk = db.prepare('PRAGMA foreign_key_list(messages)').get();
    expect(fk).toMatchObject({ table: 'conversations', from: 'conversation_id', on_delete: 'CASCADE' });
    const seqIndex = (db.prepare('PRAGMA index_info(messages_conversation_seq)').all() as { name: string }[]).map((c) => c.name);
    expect(seqIndex).toEqual(['conversation_id', 'seq']);
  });

  it('puts the database in WAL mode', () => {
    open();
    // journal_mode=WAL is stored in the file, so a separate connection sees it.
    expect(scalar(raw(), 'PRAGMA journal_mode')).toBe('wal');
  });

  it('keeps data when an existing database is reopened', () => {
    const first = open();
    const conv = chat(first, 'Kept');
    const msg = say(first, conv.id, 'hi');
    const saved = first.getConversation(conv.id);
    first.close();

    const second = open();
    expect(saved).toMatchObject({ id: conv.id, title: 'Kept' });
    expect(second.listConversations()).toEqual([saved]);
    expect(second.listMessages(conv.id)).toEqual([msg]);
    expect(scalar(raw(), 'PRAGMA user_version')).toBe(LATEST);
  });

  it.each([
    ['a rollback-journal file', false],
    ['a WAL file written by Ferry', true],
  ])('refuses a database from a newer version and leaves %s byte-identical', (_name, writtenByFerry) => {
    if (writtenByFerry) chat(open(), 'from the future');
    const db = raw();
    db.exec(`PRAGMA user_version = ${LATEST + 1}`);
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    const before = readFileSync(sandbox.file());

    let thrown: unknown;
    try {
      open();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SchemaTooNewError);
    expect((thrown as Error).message).toContain(`schema version ${LATEST + 1}`);
    expect((thrown as Error).message).toContain(`up to version ${LATEST}`);
    expect((thrown as SchemaTooNewError).toJSON().details).toEqual({ dbVersion: LATEST + 1, knownVersion: LATEST });

    const after = readFileSync(sandbox.file());
    expect(after[18]).toBe(writtenByFerry ? 2 : 1); // header byte: 1 = rollback journal, 2 = WAL
    expect(after.equals(before)).toBe(true);
    expect(scalar(db, 'PRAGMA user_version')).toBe(LATEST + 1);
  });

  it('runs each migration in its own transaction and resumes after a failed one', () => {
    const db = raw();
    const ok: Migration = { version: 1, description: 'a', up: (d) => d.exec('CREATE TABLE a (x)') };
    const broken: Migration = {
      version: 2,
      description: 'b',
      up: (d) => {
        d.exec('CREATE TABLE b (x)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [ok, broken])).toThrow('boom');
    expect(scalar(db, 'PRAGMA user_version')).toBe(1);
    expect(schemaNames(db, 'table')).toEqual(['a']);

    const fixed: Migration = { version: 2, description: 'b', up: (d) => d.exec('CREATE TABLE b (x)') };
    expect(migrate(db, [ok, fixed])).toEqual<MigrationResult>({ from: 1, to: 2 });
    expect(schemaNames(db, 'table')).toEqual(['a', 'b']);
    // Nothing pending: no migration body runs again (it would fail on CREATE TABLE).
    expect(migrate(db, [ok, fixed])).toEqual<MigrationResult>({ from: 2, to: 2 });
  });

  it('rejects a migration list with gaps before touching the database', () => {
    const db = raw();
    const m = (version: number): Migration => ({ version, description: '', up: (d) => d.exec(`CREATE TABLE t${version} (x)`) });
    expect(() => migrate(db, [m(1), m(3)])).toThrow(/malformed/);
    expect(scalar(db, 'PRAGMA user_version')).toBe(0);
    expect(schemaNames(db, 'table')).toEqual([]);
  });
});

describe('conversations', () => {
  it('lists newest first; touching and new messages move a conversation to the top', () => {
    const repo = open();
    const a = chat(repo, 'A');
    const b = chat(repo, 'B');
    const c = chat(repo, 'C');
    const order = () => repo.listConversations().map((x) => x.title);
    expect(order()).toEqual(['C', 'B', 'A']);

    repo.touchConversation(a.id);
    expect(order()).toEqual(['A', 'C', 'B']);
    say(repo, b.id);
    expect(order()).toEqual(['B', 'A', 'C']);
    expect(repo.getConversation(c.id)).toEqual(c);
  });

  it('creates with the given fields and generated id and times', () => {
    const repo = open();
    const before = Date.now();
    const conv = repo.createConversation({ title: 'T', connectionId: null, model: null });
    expect(conv.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(conv).toMatchObject({ title: 'T', connectionId: null, model: null });
    expect(conv.createdAt).toBeGreaterThanOrEqual(before);
    expect(conv.createdAt).toBeLessThanOrEqual(Date.now() + 5);
    expect(conv.updatedAt).toBe(conv.createdAt);
    expect(repo.getConversation(conv.id)).toEqual(conv);
    expect(chat(repo).id).not.toBe(conv.id);
    expect(repo.getConversation('missing')).toBeNull();
  });

  it('renames without reordering, and returns null for an unknown id', () => {
    const repo = open();
    const a = chat(repo, 'A');
    chat(repo, 'B');
    expect(repo.renameConversation(a.id, '新名字 ✨')).toEqual({ ...a, title: '新名字 ✨' });
    expect(repo.getConversation(a.id)?.title).toBe('新名字 ✨');
    expect(repo.listConversations().map((x) => x.title)).toEqual(['B', '新名字 ✨']);
    expect(repo.renameConversation('missing', 'x')).toBeNull();
  });

  it('touch sets only the fields given', () => {
    const repo = open();
    const conv = chat(repo);
    const kept = repo.touchConversation(conv.id);
    expect(kept).toMatchObject({ connectionId: 'conn-1', model: 'gpt-x' });
    expect(kept!.updatedAt).toBeGreaterThan(conv.updatedAt);
    expect(repo.touchConversation(conv.id, { model: 'other' })).toMatchObject({ connectionId: 'conn-1', model: 'other' });
    expect(repo.touchConversation(conv.id, { connectionId: null })).toMatchObject({ connectionId: null, model: 'other' });
    expect(repo.getConversation(conv.id)).toMatchObject({ connectionId: null, model: 'other' });
    expect(repo.touchConversation('missing')).toBeNull();
  });

  it('deletes a conversation with its messages, leaving others alone', () => {
    const repo = open();
    const gone = chat(repo, 'gone');
    const kept = chat(repo, 'kept');
    const doomed = say(repo, gone.id, 'a');
    const safe = say(repo, kept.id, 'b');

    expect(repo.deleteConversation(gone.id)).toBe(true);
    expect(repo.getConversation(gone.id)).toBeNull();
    expect(repo.getMessage(doomed.id)).toBeNull();
    expect(repo.listMessages(gone.id)).toEqual([]);
    expect(scalar(raw(), 'SELECT COUNT(*) FROM messages')).toBe(1);
    expect(repo.getMessage(safe.id)).toEqual(safe);
    expect(repo.listConversations().map((x) => x.title)).toEqual(['kept']);
    expect(repo.deleteConversation(gone.id)).toBe(false);
  });
});

describe('messages', () => {
  it('inserts in order with parent links, and rejects an unknown conversation', () => {
    const repo = open();
    const conv = chat(repo);
    const user = say(repo, conv.id, 'Q');
    const bot = repo.insertMessage({ conversationId: conv.id, parentId: user.id, role: 'assistant', content: '', status: 'streaming', model: 'gpt-x' });
    expect(bot).toMatchObject({ conversationId: conv.id, parentId: user.id, role: 'assistant', content: '', status: 'streaming', error: null, model: 'gpt-x' });
    expect(bot.updatedAt).toBe(bot.createdAt);
    expect(repo.getMessage(bot.id)).toEqual(bot);

    const more = Array.from({ length: 30 }, (_, i) => say(repo, conv.id, `m${i}`).id);
    expect(repo.listMessages(conv.id).map((m) => m.id)).toEqual([user.id, bot.id, ...more]);

    let thrown: unknown;
    try {
      say(repo, 'missing');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FerryError);
    expect((thrown as FerryError).code).toBe('not_found');
    expect(scalar(raw(), 'SELECT COUNT(*) FROM messages')).toBe(32);
  });

  it('updates streaming content, then finishes with an error that round-trips', () => {
    const repo = open();
    const msg = say(repo, chat(repo).id, '', 'streaming');

    repo.updateMessageContent(msg.id, 'Hel');
    repo.updateMessageContent(msg.id, 'Hello');
    const streamed = repo.getMessage(msg.id)!;
    expect(streamed).toMatchObject({ content: 'Hello', status: 'streaming' });
    expect(streamed.updatedAt).toBeGreaterThan(msg.updatedAt);

    const error: UpstreamError = { code: 'rate_limited', status: 429, providerMessage: '请求太多了 🐢', host: 'api.example.com', path: '/v1/chat/completions' };
    const withExtra = { ...error, apiKey: 'sk-secret' } as UpstreamError;
    const finished = repo.finishMessage(msg.id, { content: 'Hello wor', status: 'error', error: withExtra });
    expect(finished).toMatchObject({ id: msg.id, content: 'Hello wor', status: 'error' });
    expect(finished!.error).toEqual(error); // unknown keys are not stored
    expect(repo.getMessage(msg.id)).toEqual(finished);
    expect(scalar(raw(), 'SELECT error_json FROM messages')).not.toContain('sk-secret');

    // A late throttled write after the final one must not clobber it.
    repo.updateMessageContent(msg.id, 'stale');
    expect(repo.getMessage(msg.id)?.content).toBe('Hello wor');

    expect(repo.finishMessage(msg.id, { content: 'Hello world', status: 'done', error: null })).toMatchObject({ content: 'Hello world', status: 'done', error: null });
    expect(repo.finishMessage('missing', { content: '', status: 'done', error: null })).toBeNull();
  });

  it('appends to streaming text and reasoning, and not to a finished message', () => {
    const repo = open();
    const msg = say(repo, chat(repo).id, '', 'streaming');

    repo.appendMessageContent(msg.id, 'Hel', '');
    repo.appendMessageContent(msg.id, 'lo 世界 🐢', 'thinking…');
    repo.appendMessageContent(msg.id, '!', '');
    expect(repo.getMessage(msg.id)).toMatchObject({ content: 'Hello 世界 🐢!', reasoning: 'thinking…', status: 'streaming' });

    repo.finishMessage(msg.id, { content: 'Hello 世界 🐢!', status: 'done', error: null });
    // A late throttled write after the final one must not change it.
    repo.appendMessageContent(msg.id, ' stale', ' stale');
    expect(repo.getMessage(msg.id)).toMatchObject({ content: 'Hello 世界 🐢!', reasoning: 'thinking…', status: 'done' });
  });

  it('reads an unparsable or invalid stored error as {code: unknown}', () => {
    const repo = open();
    const conv = chat(repo);
    const ids = ['not json', '{"code":"no_such_code"}', '"just a string"'].map((json) => {
      const m = say(repo, conv.id, 'x', 'error');
      raw().prepare('UPDATE messages SET error_json = ? WHERE id = ?').run(json, m.id);
      return m.id;
    });
    for (const id of ids) expect(repo.getMessage(id)?.error).toEqual({ code: 'unknown' });
    expect(repo.listMessages(conv.id).map((m) => m.error)).toEqual(ids.map(() => ({ code: 'unknown' })));
  });

  it('round-trips Chinese text and emoji exactly', () => {
    const text = '你好，世界！𠜎𠀀 👨‍👩‍👧 🇨🇳 e\u0301 — «ok»\n第二行\t😀';
    const repo = open();
    const conv = repo.createConversation({ title: '中文标题 🚀', connectionId: null, model: '模型-1' });
    const msg = say(repo, conv.id, text);
    repo.close();

    const again = open();
    expect(again.getConversation(conv.id)).toMatchObject({ title: '中文标题 🚀', model: '模型-1' });
    const stored = again.getMessage(msg.id)!;
    expect(stored.content).toBe(text);
    expect(stored.content.length).toBe(text.length);
  });

  it('refuses to work after close', () => {
    const repo = open();
    repo.close();
    expect(() => repo.listConversations()).toThrow(/closed/);
    expect(() => repo.close()).not.toThrow();
  });
});

describe('recovery after a crash', () => {
  it('turns messages left streaming by a session closed without finishing into interrupted', () => {
    const first = open();
    const conv = chat(first);
    const user = say(first, conv.id, 'Q');
    const bot = say(first, conv.id, '', 'streaming');
    first.updateMessageContent(bot.id, 'half an answer');
    first.close();

    const second = open();
    expect(second.getMessage(bot.id)?.status).toBe('streaming');
    expect(second.markStreamingInterrupted()).toBe(1);
    expect(second.getMessage(bot.id)).toMatchObject({ status: 'interrupted', content: 'half an answer' });
    expect(second.getMessage(user.id)).toEqual(user);
    expect(second.markStreamingInterrupted()).toBe(0);
  });

  it('recovers a message from a process killed mid-stream', async () => {
    const { messageId, signal } = await crashWhileStreaming(sandbox.dir(), sandbox.file(), '写到一半 ✍️');
    expect(signal).toBe('SIGKILL');

    const repo = open();
    expect(repo.markStreamingInterrupted()).toBe(1);
    expect(repo.getMessage(messageId)).toMatchObject({ status: 'interrupted', content: '写到一半 ✍️' });
  });
});
