import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type Socket, type AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StreamChatRequest } from '../../electron/services/upstream/types';
import { DEFAULT_REASONING, DEFAULT_REPLY, startFixtureServer, tokenize, type FixtureServer, type StreamMode } from '../fixture';
import { streamOnce } from './support/stream-once';

const KEY = 'sk-fixture-hostile-0123456789';
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

const stream = (overrides: Partial<StreamChatRequest> = {}) => streamOnce({ baseUrl: fixture.baseUrl, apiKey: KEY }, overrides);

const where = () => ({ host: `127.0.0.1:${fixture.port}`, path: '/v1/chat/completions' });

describe('hostile streams: the whole answer arrives, done', () => {
  const TEXT_MODES: StreamMode[] = ['split-json', 'crlf', 'pings', 'data-null', 'empty-choices', 'glued-frames', 'no-done', 'buffered', 'non-sse-json'];

  it.each(TEXT_MODES)('%s', async (mode) => {
    fixture.configure({ mode });
    const { outcome, content, reasoning } = await stream({ includeUsage: false });
    expect(content).toBe(DEFAULT_REPLY);
    expect(reasoning).toBe('');
    expect(outcome).toMatchObject({ kind: 'done', finishReason: 'stop' });
    expect(fixture.requests).toHaveLength(1);
  });

  it('usage-chunk: takes the server usage from the choices: [] chunk even unasked', async () => {
    fixture.configure({ mode: 'usage-chunk' });
    const { outcome, content } = await stream({ includeUsage: false });
    expect(content).toBe(DEFAULT_REPLY);
    expect(outcome).toMatchObject({ kind: 'done', usage: { completionTokens: tokenize(DEFAULT_REPLY).length, estimated: false } });
  });

  it('non-sse-json: a whole JSON completion counts as one complete response with its usage', async () => {
    fixture.configure({ mode: 'non-sse-json' });
    const { outcome, deltas } = await stream();
    expect(deltas).toEqual([{ content: DEFAULT_REPLY }]);
    expect(outcome).toMatchObject({ kind: 'done', finishReason: 'stop', usage: { estimated: false } });
  });
});

describe('reasoning', () => {
  it.each(['reasoning-content', 'reasoning-field', 'think-tags'] as const)('%s: reasoning and answer arrive separately', async (mode) => {
    fixture.configure({ mode, text: 'The answer.' });
    const { outcome, content, reasoning, deltas } = await stream();
    expect(reasoning).toBe(DEFAULT_REASONING);
    expect(content).toBe('The answer.');
    expect(outcome.kind).toBe('done');
    // Reasoning streams live: several deltas before the first answer text.
    expect(deltas.findIndex((d) => d.content)).toBeGreaterThan(1);
  });

  it('think-no-open: a reasoning model\'s untagged start becomes reasoning at the lone </think>', async () => {
    fixture.configure({ mode: 'think-no-open', text: 'The answer.' });
    const { content, reasoning } = await stream({ model: 'fixture-reasoner' });
    expect(reasoning).toBe(`${DEFAULT_REASONING}\n`);
    expect(content).toBe('The answer.');
  });
});

describe('errors inside a 200', () => {
  it('error-frame: kind error with the provider message, the text before it kept', async () => {
    fixture.configure({ mode: 'error-frame', errorAfterChunks: 4 });
    const { outcome, content } = await stream();
    expect(content).toBe(tokenize(DEFAULT_REPLY).slice(0, 4).join(''));
    expect(outcome).toMatchObject({
      kind: 'error',
      error: { code: 'error_in_stream', status: 200, providerMessage: 'The upstream model failed mid-answer', ...where() },
      usage: { estimated: true },
    });
  });
});

describe('raw text inside a 200 stream', () => {
  it('text-frame: kind error carrying the text, the answer before it kept', async () => {
    fixture.configure({ mode: 'text-frame', errorAfterChunks: 2 });
    const { outcome, content } = await stream();
    expect(content).toBe(tokenize(DEFAULT_REPLY).slice(0, 2).join(''));
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'error_in_stream', status: 200, providerMessage: 'upstream error: model overloaded, please retry' } });
  });
});

describe('usage and stream_options', () => {
  it('asks for include_usage by default and reports the server figures', async () => {
    const { outcome } = await stream();
    expect((await fixture.waitForRequest()).body).toMatchObject({ stream_options: { include_usage: true } });
    expect(outcome).toMatchObject({ kind: 'done', usage: { completionTokens: tokenize(DEFAULT_REPLY).length, estimated: false } });
    expect(outcome.streamOptionsRejected).toBeUndefined();
  });

  it('does not send stream_options when includeUsage is false, and estimates', async () => {
    const { outcome } = await stream({ includeUsage: false });
    expect((await fixture.waitForRequest()).body).not.toHaveProperty('stream_options');
    expect(outcome).toMatchObject({ kind: 'done', usage: { estimated: true } });
    if (outcome.kind === 'done') expect(outcome.usage?.completionTokens).toBeGreaterThan(10);
  });

  it('re-sends once without stream_options when the upstream rejects it', async () => {
    fixture.configure({ rejectStreamOptions: true, text: 'Fine.' });
    const { outcome, content } = await stream();
    expect(content).toBe('Fine.');
    expect(outcome).toMatchObject({ kind: 'done', streamOptionsRejected: true, usage: { estimated: true } });
    expect(fixture.requests).toHaveLength(2);
    expect(fixture.requests[0]?.body).toHaveProperty('stream_options');
    expect(fixture.requests[1]?.body).not.toHaveProperty('stream_options');
  });

  it('passes only the given sampling parameters and the connection headers', async () => {
    await stream({ params: { temperature: 0.3, max_tokens: 64 }, headers: { 'X-Relay-Group': 'team-a' } });
    const request = await fixture.waitForRequest();
    expect(request.body).toMatchObject({ temperature: 0.3, max_tokens: 64 });
    expect(request.body).not.toHaveProperty('top_p');
    expect(request.headers['x-relay-group']).toBe('team-a');
  });
});

describe('no automatic retry once the request is sent', () => {
  it('after a 500 the fixture saw exactly one request', async () => {
    fixture.configure({ failure: { status: 500, body: { error: { message: 'boom', type: 'server_error' } } } });
    const { outcome } = await stream();
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'server_error', status: 500 } });
    expect(fixture.requests).toHaveLength(1);
  });

  it('after a cut the fixture saw exactly one request', async () => {
    fixture.configure({ cutAfterChunks: 3 });
    const { outcome, content } = await stream();
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'connection_reset' } });
    expect(content).toBe(tokenize(DEFAULT_REPLY).slice(0, 3).join(''));
    expect(fixture.requests).toHaveLength(1);
  });
});

describe('timeouts', () => {
  it('first byte later than firstByteMs: first_byte_timeout, socket closed', async () => {
    fixture.configure({ firstByteDelayMs: 3_000 });
    const { outcome } = await stream({ timeouts: { firstByteMs: 200 } });
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'first_byte_timeout', ...where() } });
    expect((await fixture.waitForClientClose(1_000)).closedByClient).toBe(true);
    expect(fixture.requests).toHaveLength(1);
  });

  it('a stall mid-stream longer than idleMs: idle_timeout with the partial text kept', async () => {
    fixture.configure({ chunkDelayMs: 3_000 });
    const { outcome, content } = await stream({ timeouts: { idleMs: 200 } });
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'idle_timeout' }, usage: { estimated: true } });
    expect(content).toBe(tokenize(DEFAULT_REPLY)[0]);
    expect((await fixture.waitForClientClose(1_000)).closedByClient).toBe(true);
  });

  it('a slow but steady stream is not an idle timeout', async () => {
    fixture.configure({ text: 'one two three four', chunkDelayMs: 60 });
    const { outcome, content } = await stream({ timeouts: { idleMs: 1_000, firstByteMs: 1_000 } });
    expect(outcome.kind).toBe('done');
    expect(content).toBe('one two three four');
  });
});

describe('connect timeout', () => {
  it('a server that accepts TCP but never completes the TLS handshake: connect_timeout', async () => {
    const sockets = new Set<Socket>();
    const server = createTcpServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const { outcome } = await stream({ baseUrl: `https://127.0.0.1:${port}/v1`, timeouts: { connectMs: 300, firstByteMs: 60_000 } });
      expect(outcome).toMatchObject({ kind: 'error', error: { code: 'connect_timeout', host: `127.0.0.1:${port}` } });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('stop', () => {
  it('abort closes the upstream socket within 100 ms', async () => {
    fixture.configure({ repeat: 200, chunkDelayMs: 10 });
    const controller = new AbortController();
    let abortedAt = 0;
    let received = 0;
    const result = stream({
      signal: controller.signal,
      onDelta: () => {
        if (++received === 5) {
          abortedAt = Date.now();
          controller.abort();
        }
      },
    });
    const closed = await fixture.waitForClientClose(2_000);
    expect((await result).outcome.kind).toBe('aborted');
    expect(abortedAt).toBeGreaterThan(0);
    expect(closed.closedAt! - abortedAt).toBeLessThan(100);
  });
});

describe('connection failures', () => {
  it('an unknown host is dns', async () => {
    const { outcome } = await stream({ baseUrl: 'http://ferry-fixture-no-such-host.invalid/v1' });
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'dns', host: 'ferry-fixture-no-such-host.invalid' }, usage: null });
  });

  it('a self-signed certificate is tls', async () => {
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], { notAfterDate: new Date(Date.now() + 86_400_000) });
    const server = createHttpsServer({ key: pems.private, cert: pems.cert }, (_req, res) => res.end('{}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const { outcome } = await stream({ baseUrl: `https://127.0.0.1:${port}/v1` });
      expect(outcome).toMatchObject({ kind: 'error', error: { code: 'tls', host: `127.0.0.1:${port}` } });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('HTTP errors through the fixture', () => {
  const cases: Array<[name: string, failure: { status: number; body?: unknown; contentType?: string }, expected: Record<string, unknown>]> = [
    ['401 empty access code', { status: 401, body: { error: true, msg: 'empty access code' } }, { code: 'access_code', status: 401, providerMessage: 'empty access code' }],
    ['403 region', { status: 403, body: { error: { message: 'Country, region, or territory not supported', type: 'request_forbidden', code: 'unsupported_country_region_territory' } } }, { code: 'region_blocked', status: 403 }],
    ['404 HTML', { status: 404, body: '<!doctype html><html><head><title>New API</title></head></html>', contentType: 'text/html' }, { code: 'html_response', status: 404, providerMessage: 'New API' }],
    ['404 model_not_found', { status: 404, body: { error: { message: 'The model `x` does not exist', code: 'model_not_found' } } }, { code: 'model_not_found', status: 404 }],
    ['400 context length', { status: 400, body: { error: { message: 'too long', code: 'context_length_exceeded', param: 'messages' } } }, { code: 'context_length_exceeded', status: 400, param: 'messages' }],
    ['400 named parameter', { status: 400, body: { error: { message: 'Invalid top_p', param: 'top_p' } } }, { code: 'bad_request', status: 400, param: 'top_p' }],
    ['413', { status: 413, body: 'Request Entity Too Large' }, { code: 'payload_too_large', status: 413 }],
    ['429 rate limit', { status: 429, body: { error: { message: 'Rate limit reached', code: 'rate_limit_exceeded' } } }, { code: 'rate_limited', status: 429 }],
    ['502', { status: 502, body: '<html><head><title>502 Bad Gateway</title></head></html>', contentType: 'text/html' }, { code: 'bad_gateway', status: 502 }],
    ['503 no channel', { status: 503, body: { error: { message: '当前分组 default 下对于模型 gpt-4o 无可用渠道', type: 'new_api_error' } } }, { code: 'no_channel', status: 503 }],
    ['504', { status: 504, body: 'Gateway Timeout' }, { code: 'gateway_timeout', status: 504 }],
  ];

  it('429 rate limit carries Retry-After seconds', async () => {
    fixture.configure({ failure: { status: 429, body: { error: { message: 'Rate limit reached', code: 'rate_limit_exceeded' } }, headers: { 'Retry-After': '17' } } });
    const { outcome } = await stream();
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'rate_limited', status: 429, retryAfterSeconds: 17 } });
  });

  it('429 insufficient quota is not a rate limit', async () => {
    fixture.configure({ failure: { status: 429, body: { error: { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' } }, headers: { 'Retry-After': '17' } } });
    const { outcome } = await stream();
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'insufficient_quota', status: 429 } });
    if (outcome.kind === 'error') expect(outcome.error.retryAfterSeconds).toBeUndefined();
  });

  it.each(cases)('%s', async (_name, failure, expected) => {
    fixture.configure({ failure });
    const { outcome } = await stream();
    expect(outcome).toMatchObject({ kind: 'error', error: { ...expected, ...where() }, usage: null });
    expect(fixture.requests).toHaveLength(1);
  });
});
