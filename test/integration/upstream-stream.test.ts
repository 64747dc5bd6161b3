import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StreamChatRequest } from '../../electron/services/upstream/types';
import { DEFAULT_REPLY, startFixtureServer, tokenize, type FixtureServer } from '../fixture';
import { streamOnce } from './support/stream-once';

const KEY = 'sk-fixture-0123456789abcdef';

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

/** Runs one stream; `deltas` are the text pieces, in order. */
async function stream(overrides: Partial<StreamChatRequest> = {}) {
  const { outcome, deltas, content } = await streamOnce({ baseUrl: fixture.baseUrl, apiKey: KEY }, overrides);
  return { outcome, deltas: deltas.flatMap((d) => (d.content ? [d.content] : [])), text: content };
}

/** A port that was just in use and is now closed: connecting is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('streamChat against the fixture server', () => {
  it('delivers the whole stream, in order, equal to the configured text', async () => {
    const { outcome, deltas, text } = await stream();
    expect(outcome).toEqual({ kind: 'done', finishReason: 'stop', usage: { promptTokens: expect.any(Number), completionTokens: tokenize(DEFAULT_REPLY).length, estimated: false } });
    expect(text).toBe(DEFAULT_REPLY);
    expect(deltas).toEqual(tokenize(DEFAULT_REPLY));
  });

  it('delivers a configured text and finish reason', async () => {
    fixture.configure({ text: 'Short 回答.', repeat: 3, finishReason: 'length' });
    const { outcome, text } = await stream();
    expect(outcome).toMatchObject({ kind: 'done', finishReason: 'length' });
    expect(text).toBe('Short 回答.\n\nShort 回答.\n\nShort 回答.');
  });

  it('sends the request the API expects, with the key as a bearer token', async () => {
    await stream({ model: 'fixture-model-mini', messages: [{ role: 'system', content: 'Be brief' }, { role: 'user', content: 'Hi' }] });
    const request = await fixture.waitForRequest();
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request.body).toMatchObject({
      model: 'fixture-model-mini',
      stream: true,
      messages: [{ role: 'system', content: 'Be brief' }, { role: 'user', content: 'Hi' }],
    });
    expect(request.headers['openai-organization']).toBeUndefined();
  });

  it('sends no Authorization header when there is no key (local servers)', async () => {
    const { outcome } = await stream({ apiKey: '' });
    expect(outcome.kind).toBe('done');
    expect((await fixture.waitForRequest()).headers.authorization).toBeUndefined();
  });

  it('tolerates chunks with empty choices (the usage chunk)', async () => {
    fixture.configure({ usageChunk: true, text: 'ok' });
    const { outcome, text } = await stream();
    expect(outcome).toMatchObject({ kind: 'done', finishReason: 'stop' });
    expect(text).toBe('ok');
  });

  it('aborts mid-stream: resolves aborted and the server sees the socket close', async () => {
    fixture.configure({ repeat: 50, chunkDelayMs: 20 });
    const controller = new AbortController();
    let received = 0;
    const started = Date.now();
    const result = stream({
      signal: controller.signal,
      onDelta: () => {
        if (++received === 5) controller.abort();
      },
    });
    const { outcome } = await result;
    expect(outcome).toMatchObject({ kind: 'aborted', usage: { completionTokens: expect.any(Number), estimated: true } });
    const closed = await fixture.waitForClientClose(1_000);
    expect(closed.closedByClient).toBe(true);
    expect(closed.closedAt! - started).toBeLessThan(2_000);
    // The server stopped writing: far fewer chunks than the 50 repeats it would have sent.
    const sentAtClose = closed.chunksSent;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed.chunksSent).toBe(sentAtClose);
    expect(sentAtClose).toBeLessThan(20);
  });

  it('aborts before the first byte: resolves aborted and the socket closes', async () => {
    fixture.configure({ firstByteDelayMs: 5_000 });
    const controller = new AbortController();
    const result = stream({ signal: controller.signal });
    await fixture.waitForRequest();
    controller.abort();
    expect((await result).outcome).toMatchObject({ kind: 'aborted' });
    expect((await fixture.waitForClientClose(1_000)).status).toBeNull();
  });

  it('resolves aborted when the signal is already aborted', async () => {
    const { outcome, deltas } = await stream({ signal: AbortSignal.abort() });
    expect(outcome).toEqual({ kind: 'aborted', usage: null });
    expect(deltas).toEqual([]);
  });

  it('maps a 401 to unauthorized with the provider message and never returns the key', async () => {
    fixture.configure({ requireKey: 'sk-the-right-key-123456' });
    const { outcome } = await stream();
    expect(outcome).toEqual({
      kind: 'error',
      usage: null,
      error: {
        code: 'unauthorized',
        status: 401,
        providerMessage: 'Incorrect API key provided',
        host: `127.0.0.1:${fixture.port}`,
        path: '/v1/chat/completions',
      },
    });
    expect(JSON.stringify(outcome)).not.toContain(KEY);
  });

  it('masks the key when a provider echoes it back', async () => {
    fixture.configure({ failure: { status: 401, body: { error: { message: `Bad key ${KEY} (custom-format)`, code: 'invalid_api_key' } } } });
    const { outcome } = await stream();
    expect(outcome.kind === 'error' && outcome.error.code).toBe('unauthorized');
    expect(JSON.stringify(outcome)).not.toContain(KEY);
    expect(JSON.stringify(outcome)).toContain('[redacted]');
  });

  it('maps a 401 without a key to no_key', async () => {
    fixture.configure({ requireKey: 'sk-the-right-key-123456' });
    const { outcome } = await stream({ apiKey: '' });
    expect(outcome.kind === 'error' && outcome.error.code).toBe('no_key');
  });

  it('maps a 500 to server_error', async () => {
    fixture.configure({ failure: { status: 500, body: { error: { message: 'The server had an error', type: 'server_error' } } } });
    const { outcome } = await stream();
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'server_error', status: 500, providerMessage: 'The server had an error' } });
  });

  it('keeps a NextChat relay message ({"error":true,"msg":...})', async () => {
    fixture.configure({ failure: { status: 401, body: { error: true, msg: 'wrong access code' } } });
    const { outcome } = await stream();
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'access_code', status: 401, providerMessage: 'wrong access code' } });
  });

  it('maps a 429 insufficient_quota to insufficient_quota', async () => {
    fixture.configure({
      failure: {
        status: 429,
        body: { error: { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' } },
      },
    });
    const { outcome } = await stream();
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'insufficient_quota', status: 429 } });
  });

  it('maps an HTML page answered with 200 to html_response', async () => {
    fixture.configure({
      failure: { status: 200, body: '<!doctype html><html><head><title>New API</title></head><body>app</body></html>', contentType: 'text/html' },
    });
    const { outcome } = await stream();
    expect(outcome).toEqual({
      kind: 'error',
      usage: null,
      error: { code: 'html_response', status: 200, providerMessage: 'New API', host: `127.0.0.1:${fixture.port}`, path: '/v1/chat/completions' },
    });
  });

  it('maps a NextChat error answered with 200 to error_in_stream with its message', async () => {
    fixture.configure({ failure: { status: 200, body: { error: true, msg: 'upstream failed' } } });
    const { outcome } = await stream();
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'error_in_stream', status: 200, providerMessage: 'upstream failed' } });
  });

  it('maps a refused connection to connection_refused', async () => {
    const port = await closedPort();
    const { outcome } = await stream({ baseUrl: `http://127.0.0.1:${port}/v1` });
    expect(outcome).toEqual({ kind: 'error', usage: null, error: { code: 'connection_refused', host: `127.0.0.1:${port}`, path: '/v1/chat/completions' } });
  });

  it('reports a connection cut mid-stream as an error, after delivering the text so far', async () => {
    fixture.configure({ cutAfterChunks: 7 });
    const { outcome, text } = await stream();
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'connection_reset', path: '/v1/chat/completions' }, usage: { completionTokens: expect.any(Number), estimated: true } });
    expect(text).toBe(tokenize(DEFAULT_REPLY).slice(0, 7).join(''));
    const request = fixture.requests[0];
    expect(request?.closedByClient).toBe(false);
    expect(request?.chunksSent).toBe(7);
  });

  it('uses the fetch it is given', async () => {
    const seen: string[] = [];
    const { outcome } = await stream({
      fetch: (input, init) => {
        seen.push(String(input instanceof Request ? input.url : input));
        return fetch(input, init);
      },
    });
    expect(outcome.kind).toBe('done');
    expect(seen).toEqual([`${fixture.baseUrl}/chat/completions`]);
  });

  it('never throws, even when onDelta does', async () => {
    const { outcome } = await stream({
      onDelta: () => {
        throw new Error('renderer gone');
      },
    });
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'unknown' } });
  });
});
