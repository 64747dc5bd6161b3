import { describe, expect, it } from 'vitest';
import type { FixtureServer } from '../fixture';
import { sentTurns } from '../fixture/content-parts';
import type { TestCore } from './support/test-core';
import { withFixtureAndCore } from './support/with-fixture-and-core';

let fixture: FixtureServer;
let t: TestCore;
withFixtureAndCore((f) => (fixture = f), (c) => (t = c));

const lastBody = () => fixture.requests.filter((r) => r.path === '/v1/chat/completions').at(-1)?.body as Record<string, unknown>;
const fields = {
  name: 'SQL helper',
  avatar: '🗄️',
  systemPrompt: 'Answer with one SQL query.',
  connectionId: null,
  model: 'fixture-model-mini',
  temperature: 0.1,
  topP: null,
  maxTokens: 256,
  reasoningEffort: 'low' as const,
  contextMessages: 4,
};

async function connect() {
  const conn = await t.call('connections.save', { name: 'Fixture', baseUrl: fixture.url, model: 'fixture-model' });
  await t.call('connections.setKey', { id: conn.id, key: 'sk-assistants', storage: 'session' });
  return conn;
}

describe('assistants and prompts', () => {
  it('lists built-ins in the asked language, then the user’s own', async () => {
    const mine = await t.call('assistants.save', fields);
    const en = await t.call('assistants.list', { language: 'en' });
    const zh = await t.call('assistants.list', { language: 'zh-CN' });
    expect(en.assistants.find((a) => a.id === 'builtin:translator')?.name).toBe('Translator');
    expect(zh.assistants.find((a) => a.id === 'builtin:translator')?.name).toBe('翻译助手');
    expect(en.assistants.at(-1)).toMatchObject({ id: mine.id, name: 'SQL helper', builtin: false });
    // A built-in cannot be deleted; saving it makes a copy.
    expect(await t.core.router.dispatch('assistants.delete', { id: 'builtin:coder' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const copy = await t.call('assistants.save', { ...fields, id: 'builtin:coder', name: 'My reviewer' });
    expect(copy.id).not.toBe('builtin:coder');
  });

  it('a chat from an assistant sends its prompt, model and parameters; the conversation keeps them', async () => {
    const conn = await connect();
    const sql = await t.call('assistants.save', { ...fields, connectionId: conn.id });
    const sent = await t.call('chat.send', { text: 'All users older than 30', assistantId: sql.id });
    await t.finished(sent.assistantMessage.id);
    expect(lastBody()).toMatchObject({ model: 'fixture-model-mini', temperature: 0.1, max_tokens: 256, reasoning_effort: 'low' });
    expect(sentTurns(lastBody())[0]).toMatchObject({ role: 'system', text: 'Answer with one SQL query.' });
    const detail = await t.call('conversations.get', { id: sent.conversation.id });
    expect(detail.settings).toMatchObject({ systemPrompt: 'Answer with one SQL query.', contextMessages: 4, temperature: 0.1 });

    // Deleting the assistant leaves the conversation as it was.
    await t.call('assistants.delete', { id: sql.id });
    const next = await t.call('chat.send', { conversationId: sent.conversation.id, text: 'and their emails' });
    await t.finished(next.assistantMessage.id);
    expect(sentTurns(lastBody())[0]).toMatchObject({ role: 'system', text: 'Answer with one SQL query.' });
  });

  it('plain new chats start with the default assistant, a built-in in the UI language', async () => {
    await connect();
    await t.call('prefs.set', { language: 'zh-CN' });
    await t.call('assistants.setDefault', { id: 'builtin:translator' });
    expect((await t.call('assistants.list', { language: 'en' })).defaultId).toBe('builtin:translator');
    const sent = await t.call('chat.send', { text: 'Good morning' });
    await t.finished(sent.assistantMessage.id);
    expect(sentTurns(lastBody())[0]!.text).toContain('你是一名专业译者');
    await t.call('assistants.setDefault', { id: null });
    const plain = await t.call('chat.send', { text: 'No assistant now' });
    await t.finished(plain.assistantMessage.id);
    expect(sentTurns(lastBody()).map((s) => s.role)).toEqual(['user']);
  });

  it('saves, lists, edits and deletes prompts beside the built-ins; they survive a restart', async () => {
    const p = await t.call('prompts.save', { title: 'Bug report', body: 'Steps: {{steps}}\nExpected: {{expected}}' });
    await t.call('prompts.save', { id: p.id, title: 'Bug report', body: 'Steps: {{steps}}' });
    await t.restart();
    const list = await t.call('prompts.list', { language: 'zh-CN' });
    expect(list.find((x) => x.id === 'builtin:summarize')?.title).toBe('总结要点');
    expect(list.at(-1)).toMatchObject({ id: p.id, body: 'Steps: {{steps}}', builtin: false });
    await t.call('prompts.delete', { id: p.id });
    expect((await t.call('prompts.list', { language: 'en' })).some((x) => x.id === p.id)).toBe(false);
  });
});
