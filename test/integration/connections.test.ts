import { spawnSync } from 'node:child_process';
import { beforeEach, describe, expect, it } from 'vitest';
import { HTML_PAGE, nextChatRelay, startFixtureServer, type FixtureServer } from '../fixture';
import { deriveNextChat } from '../../shared/presets';
import type { TestCore } from './support/test-core';
import { withFixtureAndCore } from './support/with-fixture-and-core';

let fixture: FixtureServer;
let t: TestCore;
const CODE = `code${Date.now()}`;
withFixtureAndCore((f) => (fixture = f), (c) => (t = c));

async function nextChatConnection(code = CODE) {
  const derived = deriveNextChat(fixture.url, code);
  const conn = await t.call('connections.save', { name: 'Relay', preset: 'nextchat', baseUrl: derived.baseUrl, model: 'fixture-model' });
  await t.call('connections.setKey', { id: conn.id, key: derived.key, storage: 'keychain' });
  return conn;
}

describe('NextChat relay through the fixture', () => {
  beforeEach(() => fixture.configure({ nextChat: nextChatRelay({ codes: [CODE], customModels: '+fixture-model,-gpt-3.5', defaultModel: 'fixture-model' }) }));

  it('reads /api/config, tests the connection and chats with nk-<code>', async () => {
    const config = await t.call('connections.nextChatConfig', { server: fixture.url });
    expect(config).toEqual({ reachable: true, needCode: true, models: ['fixture-model'], defaultModel: 'fixture-model' });

    const conn = await nextChatConnection();
    const report = await t.call('connections.test', { id: conn.id });
    expect(report).toMatchObject({ ok: true, failure: null, requestUrl: `${fixture.url}/api/openai/v1/chat/completions` });
    // NextChat's /models refuses without the code, so its answer proves the code: no completion needed.
    expect(report.steps.map((s) => s.step)).toEqual(['url', 'dns', 'connect', 'models', 'model', 'key']);
    expect(JSON.stringify(report)).not.toContain(CODE);
    expect((await t.call('connections.models', { id: conn.id, refresh: false })).ids).toContain('fixture-model');

    const sent = await t.call('chat.send', { text: 'hello relay' });
    expect((await t.finished(sent.assistantMessage.id)).status).toBe('done');
    const chat = fixture.requests.find((r) => r.path === '/api/openai/v1/chat/completions')!;
    expect(chat.headers.authorization).toBe(`Bearer nk-${CODE}`);
  });

  it('names a wrong access code, NextChat 401 body and all', async () => {
    const conn = await nextChatConnection('wrong');
    const report = await t.call('connections.test', { id: conn.id });
    expect(report.failure).toEqual({ code: 'wrong_access_code', status: 401, providerMessage: 'wrong access code' });
    expect(report.steps.at(-1)).toMatchObject({ step: 'key', ok: false });
    expect(report.failedUrl).toBe(`${fixture.url}/api/openai/v1/models`);
  });

  it('recognises an HTTP-200 error body and a blocked model', async () => {
    const conn = await nextChatConnection();
    fixture.configure({ nextChat: nextChatRelay({ codes: [CODE], internalError: 'upstream exploded' }) });
    // /models answers; chat fails with 200 {"error":true}: the stream must not count as an answer.
    const sent = await t.call('chat.send', { text: 'hi' });
    const done = await t.finished(sent.assistantMessage.id);
    expect(done.status).toBe('error');

    fixture.configure({ nextChat: nextChatRelay({ codes: [CODE], blockedModels: ['fixture-model'] }) });
    const refused = await t.call('chat.send', { text: 'hi again' });
    expect((await t.finished(refused.assistantMessage.id)).error).toMatchObject({ status: 403 });
    expect(conn.id).toBeTruthy();
  });
});

describe('a web page at the root', () => {
  it('test connection says so and offers the /v1 fix', async () => {
    fixture.configure({ htmlRoot: true });
    const conn = await t.call('connections.save', { name: 'one-api', baseUrl: fixture.url, asTyped: true, model: 'fixture-model' });
    const report = await t.call('connections.test', { id: conn.id });
    expect(report.failure?.code).toBe('html_page');
    expect(report.suggestedBaseUrl).toBe(`${fixture.url}/v1`);
    expect(fixture.requests.some((r) => r.path === '/models')).toBe(true);
    expect(HTML_PAGE).toContain('<html');
  });
});

describe('a key is bound to its host', () => {
  it('sends nothing to a new host until the key is confirmed for it', async () => {
    const other = await startFixtureServer();
    try {
      const conn = await t.call('connections.save', { name: 'F', baseUrl: fixture.baseUrl, model: 'fixture-model' });
      await t.call('connections.setKey', { id: conn.id, key: 'sk-bound-secret-1234', storage: 'keychain' });
      const moved = await t.call('connections.save', { id: conn.id, name: 'F', baseUrl: other.baseUrl, model: 'fixture-model' });
      expect(moved.keyHostMismatch).toBe(true);

      const refused = await t.core.router.dispatch('chat.send', { text: 'hi' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'key_host_mismatch' } });
      expect(JSON.stringify(refused)).not.toContain('sk-bound-secret');
      const report = await t.call('connections.test', { id: conn.id });
      expect(report.failure?.code).toBe('key_host_mismatch');
      expect(other.requests).toHaveLength(0);

      const confirmed = await t.call('connections.confirmKeyHost', { id: conn.id });
      expect(confirmed.keyHostMismatch).toBe(false);
      const sent = await t.call('chat.send', { text: 'hi' });
      await t.finished(sent.assistantMessage.id);
      expect(other.requests.find((r) => r.path === '/v1/chat/completions')?.headers.authorization).toBe('Bearer sk-bound-secret-1234');
    } finally {
      await other.close();
    }
  });

  it('several connections share a host with their own keys; deleting one deletes its keychain entry', async () => {
    const a = await t.call('connections.save', { name: 'A', baseUrl: fixture.baseUrl, model: 'fixture-model' });
    const b = await t.call('connections.save', { name: 'B', baseUrl: fixture.baseUrl, model: 'fixture-model' });
    await t.call('connections.setKey', { id: a.id, key: 'sk-key-of-a', storage: 'keychain' });
    await t.call('connections.setKey', { id: b.id, key: 'sk-key-of-b', storage: 'keychain' });
    const lookup = (id: string) =>
      spawnSync('secret-tool', ['lookup', 'service', t.keychainService, 'username', `connection:${id}`], { encoding: 'utf8' }).stdout;
    expect(lookup(a.id)).toBe('sk-key-of-a');

    await t.call('connections.select', { id: b.id });
    const sent = await t.call('chat.send', { text: 'hi b' });
    await t.finished(sent.assistantMessage.id);
    expect(fixture.requests.at(-1)?.headers.authorization).toBe('Bearer sk-key-of-b');

    await t.call('connections.delete', { id: a.id });
    expect(lookup(a.id)).toBe('');
    expect(lookup(b.id)).toBe('sk-key-of-b');
    expect((await t.call('connections.list', {})).map((c) => c.name)).toEqual(['B']);
  });
});
