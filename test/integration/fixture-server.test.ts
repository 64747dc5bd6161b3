import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REPLY, INVALID_KEY_ERROR, startFixtureServer, tokenize, type FixtureServer } from '../fixture';

let fixture: FixtureServer;

beforeAll(async () => {
  fixture = await startFixtureServer();
});
afterAll(async () => {
  await fixture.close();
});
beforeEach(() => {
  fixture.reset();
});

const chatBody = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ model: 'fixture-model', messages: [{ role: 'user', content: 'hi' }], ...extra });

function postChat(base: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}, signal?: AbortSignal) {
  return fetch(`${base}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: chatBody(extra),
    signal,
  });
}

const control = (base: string, path: string, body?: unknown) =>
  fetch(`${base}/__fixture/${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });

/** The `data:` payloads of an SSE body, in order. */
function dataLines(sse: string): string[] {
  return sse
    .split('\n\n')
    .filter(Boolean)
    .map((frame) => {
      expect(frame.startsWith('data: ')).toBe(true);
      return frame.slice('data: '.length);
    });
}

describe('fixture server: API routes', () => {
  it('listens on 127.0.0.1 with a free port', () => {
    expect(fixture.url).toBe(`http://127.0.0.1:${fixture.port}`);
    expect(fixture.baseUrl).toBe(`${fixture.url}/v1`);
    expect(fixture.port).toBeGreaterThan(0);
  });

  it('lists models', async () => {
    const body = (await (await fetch(`${fixture.baseUrl}/models`)).json()) as { object: string; data: Array<{ id: string }> };
    expect(body.object).toBe('list');
    expect(body.data.map((m) => m.id)).toContain('fixture-model');
  });

  it('streams textbook SSE: role chunk, content chunks, finish chunk, [DONE]', async () => {
    const res = await postChat(fixture.url, { stream: true });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const lines = dataLines(await res.text());
    expect(lines.at(-1)).toBe('[DONE]');
    const chunks = lines.slice(0, -1).map((line) => JSON.parse(line) as { object: string; choices: Array<{ delta: { content?: string }; finish_reason: string | null }> });
    expect(chunks.every((c) => c.object === 'chat.completion.chunk')).toBe(true);
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '' });
    expect(chunks.at(-1)?.choices[0]).toMatchObject({ delta: {}, finish_reason: 'stop' });
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe(DEFAULT_REPLY);
    expect(chunks.length).toBe(tokenize(DEFAULT_REPLY).length + 2);
  });

  it('sends the usage chunk with empty choices when asked', async () => {
    const lines = dataLines(await (await postChat(fixture.url, { stream: true, stream_options: { include_usage: true } })).text());
    expect(JSON.parse(lines.at(-2)!)).toMatchObject({ choices: [], usage: { completion_tokens: tokenize(DEFAULT_REPLY).length } });
  });

  it('answers non-streaming requests with one JSON completion', async () => {
    fixture.configure({ text: 'plain' });
    const body = (await (await postChat(fixture.url)).json()) as { object: string; choices: Array<{ message: { content: string } }> };
    expect(body.object).toBe('chat.completion');
    expect(body.choices[0]?.message.content).toBe('plain');
  });

  it('answers an unknown path like OpenAI does', async () => {
    const res = await fetch(`${fixture.url}/chat/completions`, { method: 'POST', body: chatBody() });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { message: 'Invalid URL (POST /chat/completions)' } });
  });

  it('rejects a body without messages with a 400', async () => {
    const res = await fetch(`${fixture.baseUrl}/chat/completions`, { method: 'POST', body: 'not json' });
    expect(res.status).toBe(400);
    expect((await fixture.waitForRequest()).body).toBe('not json');
  });

  it('requires the key when told to', async () => {
    fixture.configure({ requireKey: 'sk-right' });
    const wrong = await postChat(fixture.url, {}, { Authorization: 'Bearer sk-wrong' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual(INVALID_KEY_ERROR);
    expect((await postChat(fixture.url, {}, { Authorization: 'Bearer sk-right' })).status).toBe(200);
  });

  it('answers with a configured failure, JSON or raw', async () => {
    fixture.configure({ failure: { status: 503, body: { error: { message: 'No available channel' } } } });
    const json = await postChat(fixture.url);
    expect([json.status, json.headers.get('content-type'), await json.json()]).toEqual([
      503,
      'application/json; charset=utf-8',
      { error: { message: 'No available channel' } },
    ]);
    fixture.configure({ failure: { status: 200, body: '<html><title>x</title></html>', contentType: 'text/html' } });
    const html = await postChat(fixture.url, { stream: true });
    expect([html.status, html.headers.get('content-type'), await html.text()]).toEqual([200, 'text/html', '<html><title>x</title></html>']);
  });

  it('waits for the first byte', async () => {
    fixture.configure({ firstByteDelayMs: 150 });
    const started = Date.now();
    await postChat(fixture.url);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('cuts the socket after n chunks without counting it as a client close', async () => {
    fixture.configure({ cutAfterChunks: 3 });
    const res = await postChat(fixture.url, { stream: true });
    await expect(res.text()).rejects.toThrow();
    const record = await fixture.waitForRequest((r) => r.endedAt !== null);
    expect(record).toMatchObject({ chunksSent: 3, closedByClient: false, status: 200 });
  });
});

describe('fixture server: recording', () => {
  it('records method, path, query, lowercased headers, parsed body and timing', async () => {
    await (await postChat(fixture.url, { stream: true }, { 'X-Custom-Header': 'Yes' })).text();
    await fetch(`${fixture.baseUrl}/models?limit=2`);
    const [chat, models] = fixture.requests;
    expect(chat).toMatchObject({ id: 1, method: 'POST', path: '/v1/chat/completions', query: '', closedByClient: false, closedAt: null, status: 200 });
    expect(chat?.headers['x-custom-header']).toBe('Yes');
    expect(chat?.body).toMatchObject({ model: 'fixture-model', stream: true });
    expect(chat?.endedAt).toBeGreaterThanOrEqual(chat?.startedAt ?? Infinity);
    expect(models).toMatchObject({ method: 'GET', path: '/v1/models', query: 'limit=2', body: null });
  });

  it('records a client that leaves mid-stream, and stops writing', async () => {
    fixture.configure({ repeat: 20, chunkDelayMs: 10 });
    const controller = new AbortController();
    const res = await postChat(fixture.url, { stream: true }, {}, controller.signal);
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    const closed = await fixture.waitForClientClose(1_000);
    expect(closed.closedByClient).toBe(true);
    expect(closed.closedAt).toBe(closed.endedAt);
    const sent = closed.chunksSent;
    await new Promise((r) => setTimeout(r, 60));
    expect(closed.chunksSent).toBe(sent);
  });

  it('waitForRequest resolves on a future request and rejects on timeout', async () => {
    const waiting = fixture.waitForRequest((r) => r.path === '/v1/models');
    await fetch(`${fixture.baseUrl}/models`);
    expect((await waiting).path).toBe('/v1/models');
    await expect(fixture.waitForRequest((r) => r.path === '/nope', 50)).rejects.toThrow(/within 50 ms/);
    await expect(fixture.waitForClientClose(50)).rejects.toThrow(/client close/);
  });

  it('reset forgets requests (same array) and restores the scenario', async () => {
    const requests = fixture.requests;
    fixture.configure({ text: 'changed' });
    await fetch(`${fixture.baseUrl}/models`);
    fixture.reset();
    expect(fixture.requests).toBe(requests);
    expect(requests).toEqual([]);
    expect(fixture.scenario.text).toBeNull();
  });
});

describe('fixture server: HTTP control', () => {
  it('POST /__fixture/config changes what later requests get', async () => {
    const res = await control(fixture.url, 'config', { text: 'from another process', chunkDelayMs: 1 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ scenario: { text: 'from another process', chunkDelayMs: 1 } });
    const body = (await (await postChat(fixture.url)).json()) as { choices: Array<{ message: { content: string } }> };
    expect(body.choices[0]?.message.content).toBe('from another process');
  });

  it('POST /__fixture/config rejects unknown or mistyped fields and changes nothing', async () => {
    const res = await control(fixture.url, 'config', { text: 'x', chunkDelay: 5 });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/chunkDelay/);
    expect((await control(fixture.url, 'config', { repeat: 'many' })).status).toBe(400);
    expect(fixture.scenario.text).toBeNull();
  });

  it('GET /__fixture/requests lists API requests only, and POST /__fixture/reset clears them', async () => {
    await control(fixture.url, 'config', { requireKey: 'sk-abc' });
    await postChat(fixture.url, {}, { Authorization: 'Bearer sk-abc' });
    const listed = (await (await control(fixture.url, 'requests')).json()) as Array<{ path: string; headers: Record<string, string> }>;
    expect(listed.map((r) => r.path)).toEqual(['/v1/chat/completions']);
    expect(listed[0]?.headers.authorization).toBe('Bearer sk-abc');

    expect((await control(fixture.url, 'reset', {})).status).toBe(200);
    expect(await (await control(fixture.url, 'requests')).json()).toEqual([]);
    expect(fixture.scenario.requireKey).toBeNull();
    expect((await postChat(fixture.url)).status).toBe(200);
  });

  it('answers unknown control routes with 404', async () => {
    expect((await control(fixture.url, 'nope')).status).toBe(404);
  });
});

describe('fixture CLI', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('prints its base URL, serves, and exits cleanly on SIGINT', async () => {
    const root = resolve(import.meta.dirname, '../..');
    child = spawn(process.execPath, [resolve(root, 'node_modules/tsx/dist/cli.mjs'), 'test/fixture/cli.ts', '--port', '0'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = createInterface({ input: child.stdout! });
    const [line] = (await once(lines, 'line')) as [string];
    const match = /^Fixture OpenAI server: (http:\/\/127\.0\.0\.1:\d+)\/v1$/.exec(line);
    expect(match).not.toBeNull();
    const url = match![1]!;

    await control(url, 'config', { text: 'cli' });
    const body = (await (await postChat(url)).json()) as { choices: Array<{ message: { content: string } }> };
    expect(body.choices[0]?.message.content).toBe('cli');

    const exited = once(child, 'exit');
    child.kill('SIGINT');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
  });
});
