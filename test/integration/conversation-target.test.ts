import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../fixture';
import { createNetwork } from '../../electron/services/network/network';
import { startTestCore, type TestCore } from './support/test-core';

let first: FixtureServer;
let second: FixtureServer;
let t: TestCore;

beforeAll(async () => {
  [first, second] = await Promise.all([startFixtureServer(), startFixtureServer()]);
});
afterAll(async () => {
  await Promise.all([first.close(), second.close()]);
});
beforeEach(async () => {
  first.reset();
  second.reset();
  t = await startTestCore();
});
afterEach(() => t.dispose());

async function connection(name: string, fixture: FixtureServer, model: string, headers?: Record<string, string>) {
  const conn = await t.call('connections.save', { name, baseUrl: fixture.baseUrl, model, ...(headers ? { headers } : {}) });
  await t.call('connections.setKey', { id: conn.id, key: `sk-${name}-key-1234`, storage: 'session' });
  return conn;
}

const chats = (fixture: FixtureServer) => fixture.requests.filter((r) => r.path === '/v1/chat/completions');

describe('each conversation remembers its connection and model (issue 3.1)', () => {
  it('switching the target sends the next message, regenerate included, to the other connection with its model', async () => {
    const a = await connection('a', first, 'model-a');
    const b = await connection('b', second, 'model-b');
    await t.call('connections.select', { id: a.id });

    const sent = await t.call('chat.send', { text: 'first question' });
    await t.finished(sent.assistantMessage.id);
    expect(sent.conversation).toMatchObject({ connectionId: a.id, model: 'model-a' });
    expect(chats(first)).toHaveLength(1);

    const switched = await t.call('conversations.setTarget', { id: sent.conversation.id, connectionId: b.id, model: 'model-b-large' });
    expect(switched).toMatchObject({ connectionId: b.id, model: 'model-b-large' });
    // The next message of that conversation goes to b with the chosen model, not b's default.
    const next = await t.call('chat.send', { conversationId: sent.conversation.id, text: 'second question' });
    expect((await t.finished(next.assistantMessage.id)).status).toBe('done');
    expect(chats(first)).toHaveLength(1);
    expect(chats(second)).toHaveLength(1);
    expect(chats(second)[0]?.body).toMatchObject({ model: 'model-b-large' });
    expect(chats(second)[0]?.headers.authorization).toBe('Bearer sk-b-key-1234');
    expect(next.assistantMessage.model).toBe('model-b-large');

    const again = await t.call('chat.regenerate', { messageId: next.assistantMessage.id });
    await t.finished(again.assistantMessage.id);
    expect(chats(second)).toHaveLength(2);
    expect(chats(second)[1]?.body).toMatchObject({ model: 'model-b-large' });

    // New chats use the connection last used.
    expect((await t.call('prefs.get', {})).lastConnectionId).toBe(b.id);
    const fresh = await t.call('chat.send', { text: 'a new chat' });
    await t.finished(fresh.assistantMessage.id);
    expect(fresh.conversation).toMatchObject({ connectionId: b.id, model: 'model-b' });
  });

  it('refuses an unknown connection or conversation', async () => {
    const a = await connection('a', first, 'model-a');
    const sent = await t.call('chat.send', { text: 'q' });
    await t.finished(sent.assistantMessage.id);
    expect(await t.core.router.dispatch('conversations.setTarget', { id: sent.conversation.id, connectionId: 'nope', model: 'm' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await t.core.router.dispatch('conversations.setTarget', { id: 'nope', connectionId: a.id, model: 'm' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('timeouts from preferences (issue 4.5)', () => {
  it('default first-byte limit is at least 10 minutes; a small one set through the route fails a slow answer', async () => {
    const prefs = await t.call('prefs.get', {});
    expect(prefs.timeouts.firstByteMs).toBeGreaterThanOrEqual(10 * 60_000);
    await connection('slow', first, 'fixture-model');
    const saved = await t.call('prefs.setTimeouts', { timeouts: { firstByteMs: 1_000 } });
    expect(saved.timeouts).toMatchObject({ firstByteMs: 1_000, connectMs: prefs.timeouts.connectMs, idleMs: prefs.timeouts.idleMs });

    first.configure({ firstByteDelayMs: 4_000 });
    const started = Date.now();
    const sent = await t.call('chat.send', { text: 'take your time' });
    const done = await t.finished(sent.assistantMessage.id);
    expect(done.status).toBe('error');
    expect(done.error?.code).toBe('first_byte_timeout');
    expect(Date.now() - started).toBeLessThan(3_500);
  });

  it('rejects limits below one second', async () => {
    expect(await t.core.router.dispatch('prefs.setTimeouts', { timeouts: { idleMs: 10 } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('the connect limit reaches the proxy dispatcher factory', async () => {
    const seen: Array<number | undefined> = [];
    const network = createNetwork({
      prefs: { read: () => ({ timeouts: { connectMs: 4_321 }, proxy: { mode: 'none' } }) } as never,
      vault: {} as never,
      factory: (_proxy, options) => {
        seen.push(options?.connectTimeoutMs);
        return (async () => new Response('ok')) as unknown as typeof fetch;
      },
    });
    await network.fetchFor(null)('http://127.0.0.1:1/');
    expect(seen).toEqual([4_321]);
  });
});

describe("a connection's extra headers (issue 3.1)", () => {
  it('go with chat, the model list and the connection test', async () => {
    const conn = await connection('h', first, 'fixture-model', { 'X-Relay-Group': 'team-a', 'HTTP-Referer': 'https://ferry.example' });
    await t.call('connections.test', { id: conn.id });
    await t.call('connections.models', { id: conn.id, refresh: true });
    const sent = await t.call('chat.send', { text: 'with headers' });
    await t.finished(sent.assistantMessage.id);

    const paths = new Set(first.requests.map((r) => r.path));
    expect(paths).toContain('/v1/models');
    expect(paths).toContain('/v1/chat/completions');
    // The test's GET /models comes first, the explicit model list second, the chat last.
    expect(first.requests.filter((r) => r.path === '/v1/models').length).toBeGreaterThanOrEqual(2);
    for (const request of first.requests) {
      expect(request.headers['x-relay-group'], request.path).toBe('team-a');
      expect(request.headers['http-referer'], request.path).toBe('https://ferry.example');
      // Never overrides the key. The one request without it is the test asking /models bare, to learn
      // whether its answer proves the key.
      if (request.headers.authorization !== undefined) expect(request.headers.authorization, request.path).toBe('Bearer sk-h-key-1234');
    }
    expect(first.requests.filter((r) => r.headers.authorization === undefined).map((r) => r.path)).toEqual(['/v1/models']);
  });
});
