import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activePath, buildThread } from '../../shared/message-tree';
import { writeSamples } from '../fixture/data/write';
import { SECRET_ACCESS_CODE, SECRET_CHATBOX_KEY, SECRET_CHERRY_KEY, SECRET_OPENAI_KEY } from '../fixture/data/others';
import { filesContaining } from '../e2e/support/files';
import { importFile, stageImport } from './support/import-file';
import { startTestCore, type TestCore } from './support/test-core';

let t: TestCore;
let samples: ReturnType<typeof writeSamples>;
let dir: string;

beforeAll(async () => {
  t = await startTestCore();
  dir = mkdtempSync(join(tmpdir(), 'ferry-import-samples-'));
  samples = writeSamples(dir);
});
afterAll(async () => {
  await t.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const dbFile = () => join(t.dataDir, 'ferry.db');
/** Everything a user could notice in the history, as one string. */
function snapshot(): string {
  const db = new Database(dbFile(), { readonly: true });
  try {
    const rows = (sql: string) => JSON.stringify(db.prepare(sql).all().map((r) => ({ ...(r as object), _metadata: undefined })));
    return [
      rows('SELECT * FROM conversations ORDER BY id'),
      rows('SELECT id, conversation_id, parent_id, content, reasoning, created_at FROM messages ORDER BY id'),
      rows('SELECT * FROM assistants ORDER BY id'),
      rows('SELECT * FROM prompts ORDER BY id'),
      rows('SELECT * FROM message_attachments ORDER BY message_id, position'),
      rows('SELECT id, kind, mime, size FROM attachments ORDER BY id'),
    ].join('\n');
  } finally {
    db.close();
  }
}
const byTitle = async (title: string) => {
  const list = await t.call('conversations.list', {});
  const found = list.find((c) => c.title === title);
  if (!found) throw new Error(`no conversation "${title}" in ${list.map((c) => c.title).join(', ')}`);
  return t.call('conversations.get', { id: found.id });
};

describe('ChatGPT export', () => {
  it('previews counts, the date range and what is skipped before anything changes', async () => {
    const before = snapshot();
    const job = await stageImport(t, samples.chatgptZip);
    expect(job.state).toBe('ready');
    expect(job.preview).toMatchObject({ format: 'chatgpt', conversations: 2, branched: 1, attachments: 1, missingAttachments: 1, alreadyImported: 0 });
    expect(job.preview!.skipped).toContainEqual({ reason: 'hidden_message', count: 1 });
    expect(job.preview!.firstAt).toBe(1_700_000_001_000);
    expect(snapshot()).toBe(before);
    await t.call('import.cancel', { jobId: job.id });
    expect(snapshot()).toBe(before);
  });

  it('keeps every branch, the active leaf, reasoning, code, tool output, models and the image', async () => {
    const done = await importFile(t, samples.chatgptZip);
    expect(done.result).toMatchObject({ conversations: 2, messages: 12 + 2 - 3 });
    const detail = await byTitle('Capitals and powers');
    const texts = detail.messages.map((m) => m.content);
    expect(texts).toEqual(expect.arrayContaining(['Paris.', 'The capital of France is Paris.', 'What is the capital of Germany?', 'Berlin.']));
    // The active path is ChatGPT's current_node, through the regenerated answer.
    const path = activePath(detail.messages, detail.conversation.activeLeafId);
    expect(path.map((m) => m.content)).toEqual([
      'What is the capital of France?',
      'The capital of France is Paris.',
      'Now compute 2**10 in Python, and 中文 too.',
      '```python\nprint(2**10)\n```',
      '```\n1024\n```',
      '2**10 = **1024**.',
    ]);
    const thread = buildThread(detail.messages, detail.conversation.activeLeafId);
    expect(thread.siblings.get(path[0]!.id)).toMatchObject({ index: 0, count: 2 });
    expect(thread.siblings.get(path[1]!.id)).toMatchObject({ index: 1, count: 2 });
    expect(path.map((m) => m.model)).toEqual([null, 'gpt-4o-mini', null, 'o3', 'gpt-4o', 'o3']);
    // Thoughts and the recap are the reasoning of the next answer shown.
    expect(path[3]!.reasoning).toContain('The user wants a follow-up.');
    expect(path[3]!.reasoning).toContain('Thought for 3 seconds');
    expect(detail.messages.some((m) => m.role === 'system')).toBe(false);

    const pictures = await byTitle('Pictures');
    const question = pictures.messages.find((m) => m.role === 'user')!;
    expect(question.content).toContain('What is in these pictures?');
    expect(question.content).toMatch(/file-MissingXyz789 \(not included in the imported file\)/);
    // The picture the zip holds is an attachment of the question, like one added in Ferry; the
    // one it lacks stays a visible line of text.
    expect(question.content).not.toMatch(/file-PresentAbc123-pixel\.png \(/);
    expect(question.attachments).toEqual([expect.objectContaining({ name: 'file-PresentAbc123-pixel.png', kind: 'image', width: 1, height: 1 })]);
    const id = question.attachments![0]!.id;
    expect(existsSync(join(t.dataDir, 'attachments', id.slice(0, 2), id))).toBe(true);
    expect((await t.call('attachments.image', { id })).dataUrl).toMatch(/^data:image\/png;base64,/);
  });

  it('is idempotent: the same export again adds nothing', async () => {
    const before = snapshot();
    const job = await stageImport(t, samples.chatgptJson);
    expect(job.preview).toMatchObject({ conversations: 2, alreadyImported: 2, newMessages: 0 });
    const done = await t.call('import.commit', { jobId: job.id });
    expect(done.result).toMatchObject({ conversations: 0, messages: 0 });
    expect(snapshot()).toBe(before);
  });
});

describe('NextChat backup', () => {
  it('imports sessions and masks, never the access code or keys, and offers connections', async () => {
    const job = await stageImport(t, samples.nextchat);
    expect(job.preview).toMatchObject({ format: 'nextchat', conversations: 2, assistants: 1, attachments: 1 });
    expect(job.preview!.skipped).toEqual(expect.arrayContaining([{ reason: 'secret', count: 3 }, { reason: 'incomplete_message', count: 1 }]));
    expect(job.preview!.connectionOffers).toEqual(
      expect.arrayContaining([
        { kind: 'nextchat', name: 'NextChat', baseUrl: '', model: '' },
        { kind: 'openai', name: 'OpenAI', baseUrl: 'https://api.openai-hk.com', model: '' },
      ]),
    );
    expect(JSON.stringify(job)).not.toContain(SECRET_ACCESS_CODE);
    await t.call('import.commit', { jobId: job.id });
    const detail = await byTitle('NextChat 会话');
    expect(detail.messages.map((m) => m.content)).toEqual(['你好，介绍一下你自己', '我是一个助手。', expect.stringContaining('And this image?'), 'Upstream failed']);
    expect(detail.messages[1]!.createdAt).toBe(new Date(2024, 2, 5, 14, 2, 15).getTime());
    expect(detail.messages[3]!.status).toBe('error');
    expect(detail.settings.systemPrompt).toBe('You translate everything into Chinese.');
    for (const secret of [SECRET_ACCESS_CODE, SECRET_OPENAI_KEY, 'webdav-password-9900']) expect(filesContaining(t.dataDir, secret)).toEqual([]);
    // The mask is one of Ferry's assistants, through the same store as the editor's.
    const assistants = (await t.call('assistants.list', { language: 'en' })).assistants.filter((a) => !a.builtin);
    expect(assistants).toEqual([
      expect.objectContaining({ name: '翻译官', systemPrompt: 'You translate everything into Chinese.', model: 'gpt-4o-mini', temperature: 0.3, maxTokens: 2000, contextMessages: 4 }),
    ]);
  });
});

describe('Chatbox and Cherry Studio', () => {
  it('Chatbox: forks become siblings, threads become conversations, the key stays out', async () => {
    const job = await stageImport(t, samples.chatbox);
    expect(job.preview).toMatchObject({ format: 'chatbox', conversations: 2, assistants: 1, branched: 1 });
    expect(job.preview!.skipped).toEqual(expect.arrayContaining([{ reason: 'unsupported_session', count: 1 }, { reason: 'secret', count: 1 }]));
    await t.call('import.commit', { jobId: job.id });
    const detail = await byTitle('Chatbox forks');
    const path = activePath(detail.messages, detail.conversation.activeLeafId);
    expect(path.map((m) => m.content)).toEqual(['You are a helpful assistant.', 'Write a haiku', 'Second haiku, shown']);
    expect(path[2]!.reasoning).toBe('Counting syllables');
    const thread = buildThread(detail.messages, detail.conversation.activeLeafId);
    expect(thread.siblings.get(path[2]!.id)).toMatchObject({ count: 2 });
    expect(detail.messages.map((m) => m.content)).toContain('First haiku, hidden');
    await byTitle('Chatbox forks · Older topic');
    expect(filesContaining(t.dataDir, SECRET_CHATBOX_KEY)).toEqual([]);
  });

  it('Cherry Studio: topics with blocks, answers to one question as siblings, the image from the zip', async () => {
    const job = await stageImport(t, samples.cherry);
    expect(job.preview).toMatchObject({ format: 'cherry', conversations: 1, assistants: 1, attachments: 1, sourceVersion: '5' });
    await t.call('import.commit', { jobId: job.id });
    const detail = await byTitle('Cherry topic');
    expect(detail.conversation.pinned).toBeUndefined();
    const [question, first, second] = detail.messages;
    expect(question!.content).toContain('帮我写一首诗');
    expect(question!.attachments).toEqual([expect.objectContaining({ name: 'screenshot.png', kind: 'image' })]);
    expect(first!.reasoning).toBe('想一想押韵');
    expect(first!.parentId).toBe(question!.id);
    expect(second!.parentId).toBe(question!.id);
    expect(second!.content).toContain('```js\nconsole.log(1)\n```');
    expect(second!.model).toBe('deepseek-reasoner');
    expect(detail.settings.systemPrompt).toBe('Help me write.');
    expect(filesContaining(t.dataDir, SECRET_CHERRY_KEY)).toEqual([]);
  });
});

describe('refused files change nothing', () => {
  const cases: [string, string | Buffer, string][] = [
    ['truncated ChatGPT export', '[{"id":"x","mapping":{', 'malformed'],
    ['not JSON', 'hello world', 'unknown_format'],
    ['an unrelated JSON object', '{"hello":"world"}', 'unknown_format'],
    ['an empty list', '[]', 'empty'],
    ['UTF-16', Buffer.from('\ufeff[{"id":"x"}]', 'utf16le'), 'unknown_format'],
    ['Cherry backup of an unknown version', JSON.stringify({ time: 1, version: 99, localStorage: { 'persist:cherry-studio': '{}' }, indexedDB: {} }), 'unsupported_version'],
  ];
  it.each(cases)('%s', async (_name, content, code) => {
    const before = snapshot();
    const file = join(dir, 'bad-input');
    writeFileSync(file, content);
    const job = await stageImport(t, file);
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe(code);
    expect(snapshot()).toBe(before);
  });

  it('a file that breaks after many good conversations imports none of them', async () => {
    const before = snapshot();
    const whole = readFileSync(samples.chatgptJson, 'utf8');
    const file = join(dir, 'cut.json');
    writeFileSync(file, whole.slice(0, whole.length - 40));
    const job = await stageImport(t, file);
    expect(job).toMatchObject({ state: 'failed', error: { code: 'malformed' } });
    expect(snapshot()).toBe(before);
  });
});
