import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatGptBranchingConversation, chatGptLinearConversation } from '../fixture/data/chatgpt';
import { importFile, stageImport } from './support/import-file';
import { startTestCore, type TestCore } from './support/test-core';

const KEY = 'sk-export-test-key-abcdef123456';
const PROXY_PASSWORD = 'proxy-password-for-export-778899';
const SECRET_HEADER = 'header-secret-value-445566';
const ACCESS_CODE = 'relay-access-code-112233';

let t: TestCore;
let dir: string;
beforeAll(async () => {
  t = await startTestCore();
  dir = mkdtempSync(join(tmpdir(), 'ferry-export-'));
  const math = chatGptLinearConversation('conv-math', 1, 1_700_200_000);
  const answer = Object.values(math.mapping).find((n) => (n.message?.author as { role?: string } | undefined)?.role === 'assistant')!;
  answer.message!.content = { content_type: 'text', parts: ['Euler: $e^{i\\pi}+1=0$\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```python\nprint("hi")\n```\n\n<script>alert(1)</script>'] };
  writeFileSync(join(dir, 'conversations.json'), JSON.stringify([chatGptBranchingConversation(), math]));
  await importFile(t, join(dir, 'conversations.json'));

  const plain = await t.call('connections.save', { name: 'Relay', baseUrl: 'http://127.0.0.1:9/v1', model: 'm', headers: { 'X-Api-Key': SECRET_HEADER, 'X-Team': 'blue' } });
  await t.call('connections.setKey', { id: plain.id, key: KEY, storage: 'keychain' });
  const relay = await t.call('connections.save', { name: 'NextChat relay', baseUrl: 'http://127.0.0.1:2024/api/openai/v1', model: 'gpt-4o', preset: 'nextchat' });
  await t.call('connections.setKey', { id: relay.id, key: `nk-${ACCESS_CODE}`, storage: 'keychain' });
  await t.call('prefs.setProxy', { proxy: { mode: 'manual', url: 'http://127.0.0.1:7890', username: 'me', bypassLocal: true } });
  await t.call('proxy.setPassword', { scope: 'app', password: PROXY_PASSWORD });
});
afterAll(async () => {
  await t.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const titled = async (title: string) => (await t.call('conversations.list', {})).find((c) => c.title === title)!;

describe('one conversation', () => {
  it('Markdown: the active branch, reasoning folded in <details>', async () => {
    const file = await t.call('export.conversation', { id: (await titled('Capitals and powers')).id, format: 'markdown' });
    expect(file).toMatchObject({ fileName: 'Capitals and powers.md', mime: 'text/markdown' });
    expect(file.content).toContain('# Capitals and powers');
    expect(file.content).toContain('The capital of France is Paris.');
    expect(file.content).not.toContain('Berlin.');
    expect(file.content).toMatch(/<details>\n<summary>Reasoning<\/summary>\n\n\*\*Considering\*\*/);
  });

  it('JSON: every branch', async () => {
    const file = await t.call('export.conversation', { id: (await titled('Capitals and powers')).id, format: 'json' });
    const parsed = JSON.parse(file.content) as { messages: { content: string }[] };
    expect(parsed.messages.map((m) => m.content)).toEqual(expect.arrayContaining(['Paris.', 'Berlin.']));
  });

  it('HTML: self-contained, math typeset with inlined fonts, tables and highlighted code, no script', async () => {
    const file = await t.call('export.conversation', { id: (await titled('Linear conv-math')).id, format: 'html' });
    const html = file.content;
    expect(html).toContain('class="katex"');
    expect(html).toContain('src:url(data:font/woff2;base64,');
    expect(html).not.toMatch(/url\((?!data:)/);
    expect(html).toContain('<table>');
    expect(html).toContain('hljs-built_in');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:"`);
  });
});

describe('Ferry backup', () => {
  it('holds conversations, settings and connections, and none of the secrets', async () => {
    const backup = await t.call('export.backup', {});
    expect(backup).toMatchObject({ conversations: 2 });
    const text = readFileSync(backup.path, 'utf8');
    for (const secret of [KEY, PROXY_PASSWORD, SECRET_HEADER, ACCESS_CODE, `nk-${ACCESS_CODE}`]) expect(text).not.toContain(secret);
    const parsed = JSON.parse(text) as { connections: { name: string; headers: Record<string, string> }[]; settings: { proxy: { username: string } } };
    expect(parsed.connections.map((c) => c.name)).toEqual(['Relay', 'NextChat relay']);
    expect(parsed.connections[0]!.headers).toEqual({ 'X-Api-Key': '', 'X-Team': 'blue' });
    expect(parsed.settings.proxy.username).toBe('me');

    // The browser host downloads it in pieces.
    const piece = await t.call('export.readBackup', { fileName: backup.fileName, offset: 0 });
    expect(Buffer.from(piece.data, 'base64').toString('utf8')).toBe(text);
    expect(piece.eof).toBe(true);
  });

  it('re-imported here adds nothing; into a new data folder it restores every message and branch', async () => {
    const backup = await t.call('export.backup', {});
    const again = await stageImport(t, backup.path);
    expect(again.preview).toMatchObject({ format: 'ferry', conversations: 2, alreadyImported: 2, newMessages: 0 });
    await t.call('import.cancel', { jobId: again.id });

    const fresh = await startTestCore();
    try {
      const done = await importFile(fresh, backup.path);
      expect(done.result).toMatchObject({ conversations: 2 });
      for (const original of await t.call('conversations.list', {})) {
        const a = await t.call('conversations.get', { id: original.id });
        const b = await fresh.call('conversations.get', { id: original.id });
        expect(b.messages.map((m) => [m.id, m.parentId, m.content, m.reasoning])).toEqual(a.messages.map((m) => [m.id, m.parentId, m.content, m.reasoning]));
        expect(b.conversation.activeLeafId).toBe(a.conversation.activeLeafId);
      }
      // Connections come back without keys: the user types them again.
      const connections = await fresh.call('connections.list', {});
      expect(connections.map((c) => [c.name, c.key.set])).toEqual([
        ['Relay', false],
        ['NextChat relay', false],
      ]);
      const twice = await stageImport(fresh, backup.path);
      expect(twice.preview).toMatchObject({ alreadyImported: 2, newMessages: 0 });
    } finally {
      await fresh.dispose();
    }
  });
});
