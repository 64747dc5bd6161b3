import { describe, expect, it } from 'vitest';
import { reasoningText, replyText, startFixtureServer, type FixtureServer, type Scenario, type StreamMode } from '../fixture';
import type { TestCore } from './support/test-core';
import { withFixtureAndCore } from './support/with-fixture-and-core';

/**
 * Every hostile stream and every upstream failure, end to end through the core: what the user
 * finds stored afterwards — status, text, reasoning, and the error's code and fields.
 */
let fixture: FixtureServer;
let t: TestCore;
withFixtureAndCore((f) => (fixture = f), (c) => (t = c));

async function ask(scenario: Partial<Scenario>, options: { model?: string; baseUrl?: string } = {}) {
  const conn = await t.call('connections.save', { name: 'F', baseUrl: options.baseUrl ?? fixture.url, model: options.model ?? 'fixture-model' });
  await t.call('connections.setKey', { id: conn.id, key: 'sk-stored-outcomes-0001', storage: 'session' });
  fixture.configure(scenario);
  const sent = await t.call('chat.send', { text: 'hello' });
  await t.finished(sent.assistantMessage.id);
  const stored = await t.call('conversations.get', { id: sent.conversation.id });
  return stored.messages.find((m) => m.id === sent.assistantMessage.id)!;
}

const reply = () => replyText(fixture.scenario);
const where = () => ({ host: `127.0.0.1:${fixture.port}`, path: '/v1/chat/completions' });

describe('hostile but valid streams are stored complete', () => {
  const modes: StreamMode[] = ['split-json', 'crlf', 'pings', 'data-null', 'empty-choices', 'usage-chunk', 'glued-frames', 'no-done', 'non-sse-json', 'buffered'];
  it.each(modes)('%s', async (mode) => {
    const message = await ask({ mode });
    expect(message).toMatchObject({ status: 'done', content: reply(), error: null });
    expect(message.usage?.completionTokens).toBeGreaterThan(0);
  });

  it.each(['reasoning-content', 'reasoning-field', 'think-tags'] as const)('%s: reasoning stored apart from the answer', async (mode) => {
    const message = await ask({ mode });
    expect(message).toMatchObject({ status: 'done', content: reply(), reasoning: reasoningText(fixture.scenario) });
    expect(message.reasoningMs).toBeGreaterThanOrEqual(0);
  });

  it('think-no-open: a reasoning model’s untagged thinking is stored as reasoning', async () => {
    const message = await ask({ mode: 'think-no-open' }, { model: 'deepseek-r1' });
    expect(message).toMatchObject({ status: 'done', content: reply() });
    // The line break before the lone </think> belongs to neither part.
    expect(message.reasoning?.trim()).toBe(reasoningText(fixture.scenario));
  });
});

describe('failures are stored with what arrived before them', () => {
  it.each([
    ['error-frame', 'The upstream model failed mid-answer'],
    ['text-frame', 'upstream error: model overloaded, please retry'],
  ] as const)('%s inside a 200 stream', async (mode, providerMessage) => {
    const message = await ask({ mode, errorAfterChunks: 3 });
    expect(message).toMatchObject({ status: 'error', error: { code: 'error_in_stream', status: 200, providerMessage, ...where() } });
    expect(message.content.length).toBeGreaterThan(0);
    expect(reply().startsWith(message.content)).toBe(true);
  });

  it('a connection cut mid-stream keeps the partial answer', async () => {
    const message = await ask({ cutAfterChunks: 4 });
    expect(message).toMatchObject({ status: 'error', error: { code: 'connection_reset', ...where() } });
    expect(message.content.length).toBeGreaterThan(0);
    expect(reply().startsWith(message.content)).toBe(true);
  });

  const json = (error: Record<string, unknown>) => ({ error });
  const cases: Array<[string, Scenario['failure'], Record<string, unknown>]> = [
    ['400 named parameter', { status: 400, body: json({ message: 'Invalid top_p', param: 'top_p' }) }, { code: 'bad_request', param: 'top_p' }],
    ['400 context length', { status: 400, body: json({ message: 'too long', code: 'context_length_exceeded' }) }, { code: 'context_length_exceeded' }],
    ['401 invalid key', { status: 401, body: json({ message: 'Incorrect API key provided', code: 'invalid_api_key' }) }, { code: 'unauthorized', providerMessage: 'Incorrect API key provided' }],
    ['401 NextChat access code', { status: 401, body: { error: true, msg: 'wrong access code' } }, { code: 'access_code', providerMessage: 'wrong access code' }],
    ['403 region', { status: 403, body: json({ message: 'Country, region, or territory not supported', code: 'unsupported_country_region_territory' }) }, { code: 'region_blocked' }],
    ['404 HTML', { status: 404, body: '<!doctype html><title>New API</title>', contentType: 'text/html' }, { code: 'html_response' }],
    ['404 model', { status: 404, body: json({ message: 'The model `x` does not exist', code: 'model_not_found' }) }, { code: 'model_not_found' }],
    ['413', { status: 413, body: 'Request Entity Too Large' }, { code: 'payload_too_large' }],
    ['429 rate limit', { status: 429, body: json({ message: 'Rate limit reached', code: 'rate_limit_exceeded' }), headers: { 'Retry-After': '20' } }, { code: 'rate_limited', retryAfterSeconds: 20 }],
    ['429 quota', { status: 429, body: json({ message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' }) }, { code: 'insufficient_quota' }],
    ['500', { status: 500, body: json({ message: 'internal' }) }, { code: 'server_error' }],
    ['502', { status: 502, body: '<html><title>502 Bad Gateway</title></html>', contentType: 'text/html' }, { code: 'bad_gateway' }],
    ['503 no channel', { status: 503, body: json({ message: 'No available channel for model gpt-4o under group default' }) }, { code: 'no_channel' }],
    ['504', { status: 504, body: 'Gateway Timeout' }, { code: 'gateway_timeout' }],
    ['200 error object', { status: 200, body: json({ message: 'quota exhausted on upstream', type: 'upstream_error' }) }, { code: 'error_in_stream', providerMessage: 'quota exhausted on upstream' }],
    ['200 HTML page', { status: 200, body: '<!doctype html><title>Sign in</title>', contentType: 'text/html' }, { code: 'html_response' }],
  ];
  it.each(cases)('%s', async (_name, failure, expected) => {
    const message = await ask({ failure });
    expect(message).toMatchObject({ status: 'error', content: '', error: { ...expected, status: failure!.status, ...where() } });
    expect(JSON.stringify(message)).not.toContain('sk-stored-outcomes');
    // No automatic retry: the user decides whether to pay for another attempt.
    expect(fixture.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(1);
  });

  it('connection refused', async () => {
    const closed = await startFixtureServer();
    const url = closed.url;
    await closed.close();
    const message = await ask({}, { baseUrl: url });
    expect(message).toMatchObject({ status: 'error', error: { code: 'connection_refused', host: url.replace('http://', '') } });
  });

  it('unknown host', async () => {
    const message = await ask({}, { baseUrl: 'http://ferry-no-such-host.invalid' });
    expect(message).toMatchObject({ status: 'error', error: { code: 'dns', host: 'ferry-no-such-host.invalid' } });
  });
});
