import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FixtureServer } from '../fixture';
import { sampleImage } from '../support/sample-files';
import { importFile } from './support/import-file';
import { startTestCore, type TestCore } from './support/test-core';
import { withFixtureAndCore } from './support/with-fixture-and-core';

let fixture: FixtureServer;
let t: TestCore;
withFixtureAndCore((f) => (fixture = f), (c) => (t = c));

const ASSISTANT = {
  name: '周报助手',
  avatar: '📝',
  systemPrompt: 'Write a weekly report from my notes.',
  connectionId: null,
  model: 'fixture-model',
  temperature: 0.4,
  topP: null,
  maxTokens: 1500,
  reasoningEffort: null,
  contextMessages: 6,
} as const;

/** A conversation whose question carries a real PNG, an assistant and a saved prompt, made through the routes. */
async function richHistory() {
  const conn = await t.call('connections.save', { name: 'Fixture', baseUrl: fixture.url, model: 'fixture-model' });
  await t.call('connections.setKey', { id: conn.id, key: 'sk-backup-attachments', storage: 'session' });
  const bytes = await sampleImage('png', 96, 64);
  const { uploadId } = await t.call('attachments.begin', { name: 'chart.png', type: 'image/png', size: bytes.length });
  await t.call('attachments.chunk', { uploadId, index: 0, data: bytes.toString('base64') });
  const picture = await t.call('attachments.finish', { uploadId });
  const sent = await t.call('chat.send', { text: 'What does the chart show?', attachments: [{ id: picture.id, name: picture.name }] });
  await t.finished(sent.assistantMessage.id);
  const assistant = await t.call('assistants.save', ASSISTANT);
  const prompt = await t.call('prompts.save', { title: 'Translate', body: 'Translate into English: {{selection}}' });
  return { picture, sent, assistant, prompt };
}

const blobFile = (core: TestCore, id: string) => join(core.dataDir, 'attachments', id.slice(0, 2), id);
const userAssistants = async (core: TestCore) => (await core.call('assistants.list', { language: 'en' })).assistants.filter((a) => !a.builtin);

describe('backups keep attachments and assistants', () => {
  it('a local backup restores the image (its file too) and the assistant after both were deleted', async () => {
    const { picture, sent, assistant, prompt } = await richHistory();
    const backup = await t.call('backup.create', {});
    expect(backup).toMatchObject({ kind: 'manual', attachments: 1 });

    // Everything goes: the assistant, the prompt, the conversation and — as the clean-up does once
    // no message uses it — the image's file.
    await t.call('assistants.delete', { id: assistant.id });
    await t.call('prompts.delete', { id: prompt.id });
    await t.call('conversations.delete', { id: sent.conversation.id });
    rmSync(blobFile(t, picture.id));

    await t.call('backup.restore', { id: backup.id });
    const detail = await t.call('conversations.get', { id: sent.conversation.id });
    const question = detail.messages.find((m) => m.role === 'user')!;
    expect(question.attachments).toEqual([expect.objectContaining({ id: picture.id, name: 'chart.png', kind: 'image' })]);
    expect((await t.call('attachments.image', { id: picture.id })).dataUrl).toMatch(/^data:image\/png;base64,/);
    expect(existsSync(blobFile(t, picture.id))).toBe(true);
    expect(await userAssistants(t)).toEqual([expect.objectContaining({ id: assistant.id, ...ASSISTANT })]);
    expect((await t.call('prompts.list', { language: 'en' })).filter((p) => !p.builtin)).toEqual([expect.objectContaining({ id: prompt.id, title: 'Translate' })]);

    // The image survives a restart too (the start-up clean-up keeps what a message uses).
    await t.restart();
    expect((await t.call('attachments.image', { id: picture.id })).dataUrl).toMatch(/^data:image\/png;base64,/);
  });

  it('a Ferry backup file carries the image once and the assistant, into a new data folder, and twice adds nothing', async () => {
    const { picture, sent, assistant } = await richHistory();
    // The same picture in a second message: the file holds its bytes once.
    const again = await t.call('chat.send', { conversationId: sent.conversation.id, text: 'And again', attachments: [{ id: picture.id, name: 'again.png' }] });
    await t.finished(again.assistantMessage.id);
    const file = await t.call('export.backup', {});
    const parsed = JSON.parse(readFileSync(file.path, 'utf8')) as { attachments: { id: string; data: string }[]; assistants: { id: string; name: string }[] };
    expect(parsed.attachments.map((a) => a.id)).toEqual([picture.id]);
    expect(Buffer.from(parsed.attachments[0]!.data, 'base64').equals(readFileSync(blobFile(t, picture.id)))).toBe(true);
    expect(parsed.assistants).toEqual([expect.objectContaining({ id: assistant.id, name: ASSISTANT.name })]);

    const fresh = await startTestCore();
    try {
      const done = await importFile(fresh, file.path);
      expect(done.result).toMatchObject({ conversations: 1, assistants: 1 });
      const detail = await fresh.call('conversations.get', { id: sent.conversation.id });
      const questions = detail.messages.filter((m) => m.role === 'user');
      expect(questions.map((m) => m.attachments?.map((a) => [a.id, a.name]))).toEqual([[[picture.id, 'chart.png']], [[picture.id, 'again.png']]]);
      expect(readFileSync(blobFile(fresh, picture.id)).equals(readFileSync(blobFile(t, picture.id)))).toBe(true);
      expect((await fresh.call('attachments.image', { id: picture.id })).dataUrl).toMatch(/^data:image\/png;base64,/);
      expect(await userAssistants(fresh)).toEqual([expect.objectContaining({ id: assistant.id, ...ASSISTANT })]);
      expect(detail.conversation.id).toBe(sent.conversation.id);

      const twice = await importFile(fresh, file.path);
      expect(twice.result).toMatchObject({ conversations: 0, messages: 0, assistants: 0 });
      expect(await userAssistants(fresh)).toHaveLength(1);
    } finally {
      await fresh.dispose();
    }
  });
});
