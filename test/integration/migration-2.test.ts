import { describe, expect, it } from 'vitest';
import { activePath } from '../../shared/message-tree';
import { scalar, useStorageSandbox } from './storage-fixtures';
import { buildV1Database, SAMPLE_V1 } from './support/v1-database';

const sandbox = useStorageSandbox();

describe('migration 2: message tree, settings, reasoning and usage', () => {
  it('upgrades a version 1 history with every message intact and the newest message as active leaf', () => {
    buildV1Database(sandbox.file(), SAMPLE_V1);
    expect(scalar(sandbox.raw(), 'PRAGMA user_version')).toBe(1);

    const repo = sandbox.open();
    expect(scalar(sandbox.raw(), 'PRAGMA user_version')).toBeGreaterThanOrEqual(2);
    expect(scalar(sandbox.raw(), 'PRAGMA integrity_check')).toBe('ok');

    for (const before of SAMPLE_V1) {
      const conversation = repo.getConversation(before.id)!;
      expect(conversation.title).toBe(before.title);
      expect(conversation.activeLeafId).toBe(before.messages.at(-1)!.id);
      const messages = repo.listMessages(before.id);
      expect(messages.map((m) => [m.id, m.parentId, m.role, m.content, m.status])).toEqual(
        before.messages.map((m) => [m.id, m.parentId, m.role, m.content, m.status ?? 'done']),
      );
      for (const m of messages) {
        expect(m.reasoning).toBe('');
        expect(m.reasoningMs).toBeNull();
        expect(m.usage).toBeNull();
      }
      expect(activePath(messages, conversation.activeLeafId).map((m) => m.id)).toEqual(before.messages.map((m) => m.id));
      expect(repo.getSettings(before.id)).toEqual({ systemPrompt: null, contextMessages: null, temperature: null, topP: null, maxTokens: null });
    }
  });

  it('stores reasoning, usage, settings and the active leaf after the upgrade', () => {
    buildV1Database(sandbox.file(), SAMPLE_V1);
    const repo = sandbox.open();
    const answer = repo.insertMessage({ conversationId: 'conv-a', parentId: 'a-u2', role: 'assistant', content: '', status: 'streaming', model: 'm' });
    repo.updateMessageContent(answer.id, 'Par', 'thinking…');
    expect(repo.getMessage(answer.id)).toMatchObject({ content: 'Par', reasoning: 'thinking…' });
    const done = repo.finishMessage(answer.id, {
      content: 'Partial two',
      status: 'done',
      error: null,
      reasoning: 'thinking… done',
      reasoningMs: 1500,
      usage: { promptTokens: 12, completionTokens: 34, estimated: true },
    });
    expect(done).toMatchObject({ reasoning: 'thinking… done', reasoningMs: 1500, usage: { promptTokens: 12, completionTokens: 34, estimated: true } });

    expect(repo.setActiveLeaf('conv-a', answer.id)?.activeLeafId).toBe(answer.id);
    // A message of another conversation is refused.
    expect(repo.setActiveLeaf('conv-a', 'b-a1')).toBeNull();
    expect(repo.getConversation('conv-a')?.activeLeafId).toBe(answer.id);

    expect(repo.updateSettings('conv-a', { systemPrompt: 'Be brief', temperature: 0.3 })).toMatchObject({
      systemPrompt: 'Be brief',
      temperature: 0.3,
      topP: null,
    });
    expect(repo.updateSettings('conv-a', { maxTokens: 100 })).toMatchObject({ systemPrompt: 'Be brief', maxTokens: 100 });
    expect(repo.updateSettings('missing', { maxTokens: 1 })).toBeNull();

    // Continue: a stopped answer goes back to streaming, a streaming one cannot be reopened twice.
    expect(repo.reopenMessage('a-a2')?.status).toBe('streaming');
    expect(repo.reopenMessage('a-a2')).toBeNull();
  });
});
