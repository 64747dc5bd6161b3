import { describe, expect, it } from 'vitest';
import type { FixtureServer } from '../fixture';
import type { TestCore } from './support/test-core';
import { withFixtureAndCore } from './support/with-fixture-and-core';

let fixture: FixtureServer;
let t: TestCore;
withFixtureAndCore((f) => (fixture = f), (c) => (t = c));

const lastBody = () => fixture.requests.filter((r) => r.path === '/v1/chat/completions').at(-1)?.body as Record<string, unknown>;

describe('per-model profiles', () => {
  it('sends the model’s default parameters unless the conversation sets its own; effort only to a reasoning model', async () => {
    const conn = await t.call('connections.save', { name: 'Fixture', baseUrl: fixture.url, model: 'fixture-reasoner' });
    await t.call('connections.setKey', { id: conn.id, key: 'sk-profile', storage: 'session' });
    await t.call('models.setProfile', { model: 'fixture-reasoner', reasoning: true, defaults: { temperature: 0.3, reasoningEffort: 'high' } });
    const first = await t.call('chat.send', { text: 'one' });
    await t.finished(first.assistantMessage.id);
    expect(lastBody()).toMatchObject({ model: 'fixture-reasoner', temperature: 0.3, reasoning_effort: 'high' });

    await t.call('conversations.updateSettings', { id: first.conversation.id, settings: { temperature: 1.1 } });
    const second = await t.call('chat.send', { conversationId: first.conversation.id, text: 'two' });
    await t.finished(second.assistantMessage.id);
    expect(lastBody()).toMatchObject({ temperature: 1.1, reasoning_effort: 'high' });

    await t.call('models.setProfile', { model: 'fixture-reasoner', reasoning: false });
    const third = await t.call('chat.send', { conversationId: first.conversation.id, text: 'three' });
    await t.finished(third.assistantMessage.id);
    expect(lastBody()).not.toHaveProperty('reasoning_effort');

    // Saving the price table keeps the profile.
    await t.call('prefs.setModelSettings', { modelSettings: [{ model: 'fixture-reasoner', inputPrice: 1, outputPrice: 2, currency: 'USD', sendReasoning: false }] });
    expect((await t.call('prefs.get', {})).modelSettings[0]).toMatchObject({ inputPrice: 1, reasoning: false, defaults: { temperature: 0.3 } });
  });

  it('a new chat starts on the model picked for it', async () => {
    const conn = await t.call('connections.save', { name: 'Fixture', baseUrl: fixture.url, model: 'fixture-model' });
    await t.call('connections.setKey', { id: conn.id, key: 'sk-profile', storage: 'session' });
    const sent = await t.call('chat.send', { text: 'hi', connectionId: conn.id, model: 'fixture-model-mini' });
    await t.finished(sent.assistantMessage.id);
    expect(lastBody()).toMatchObject({ model: 'fixture-model-mini' });
    expect(sent.conversation.model).toBe('fixture-model-mini');
  });
});
