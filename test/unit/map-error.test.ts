import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { describe, expect, it } from 'vitest';
import { mapUpstreamError, type FailureContext } from '../../electron/services/upstream/map-error';
import type { UpstreamError } from '../../shared/schemas';

const URL_ = 'https://relay.example.com:8443/v1/chat/completions';
const WHERE = { host: 'relay.example.com:8443', path: '/v1/chat/completions' };

/** Builds the error exactly the way the SDK does for a non-2xx answer (client.ts makeStatusError). */
function sdkError(status: number, body: string, contentType = 'application/json'): APIError {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  return APIError.generate(status, json as object | undefined, json ? undefined : body, new Headers({ 'content-type': contentType }));
}

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
const openaiBody = (message: string, type: string, code: string | null = null) => JSON.stringify({ error: { message, type, param: null, code } });
const HTML_PAGE = '<!DOCTYPE html>\n<html><head><title>\n  New API  </title></head><body><div id="root"></div></body></html>';
const GATEWAY_PAGE = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

type Row = [name: string, thrown: unknown, context: Partial<FailureContext>, expected: Omit<UpstreamError, 'host' | 'path'>];

const TABLE: Row[] = [
  // HTTP answers, as the SDK throws them
  ['401 invalid_api_key', sdkError(401, openaiBody('Incorrect API key provided', 'invalid_request_error', 'invalid_api_key')), {}, { code: 'unauthorized', status: 401, providerMessage: 'Incorrect API key provided' }],
  ['401 without a key', sdkError(401, openaiBody('You didn\'t provide an API key.', 'invalid_request_error')), { keyProvided: false }, { code: 'no_key', status: 401, providerMessage: "You didn't provide an API key." }],
  ['403 region', sdkError(403, openaiBody('Country, region, or territory not supported', 'request_forbidden', 'unsupported_country_region_territory')), {}, { code: 'region_blocked', status: 403, providerMessage: 'Country, region, or territory not supported' }],
  ['404 model_not_found', sdkError(404, openaiBody('The model `gpt-9` does not exist', 'invalid_request_error', 'model_not_found')), {}, { code: 'model_not_found', status: 404, providerMessage: 'The model `gpt-9` does not exist' }],
  ['429 insufficient_quota', sdkError(429, openaiBody('You exceeded your current quota', 'insufficient_quota', 'insufficient_quota')), {}, { code: 'insufficient_quota', status: 429, providerMessage: 'You exceeded your current quota' }],
  ['429 insufficient_quota (type only)', sdkError(429, JSON.stringify({ error: { message: 'quota', type: 'insufficient_quota' } })), {}, { code: 'insufficient_quota', status: 429, providerMessage: 'quota' }],
  ['429 rate_limit_exceeded', sdkError(429, openaiBody('Rate limit reached', 'requests', 'rate_limit_exceeded')), {}, { code: 'rate_limited', status: 429, providerMessage: 'Rate limit reached' }],
  ['400 context_length_exceeded', sdkError(400, openaiBody("This model's maximum context length is 8192 tokens", 'invalid_request_error', 'context_length_exceeded')), {}, { code: 'context_length_exceeded', status: 400, providerMessage: "This model's maximum context length is 8192 tokens" }],
  ['400 stream_options rejected', sdkError(400, openaiBody("Unknown parameter: 'stream_options'.", 'invalid_request_error')), {}, { code: 'bad_request', status: 400, providerMessage: "Unknown parameter: 'stream_options'.", param: 'stream_options' }],
  ['422 (FastAPI detail, from the captured body)', sdkError(422, JSON.stringify({ detail: 'messages: field required' })), { response: { status: 422, body: JSON.stringify({ detail: 'messages: field required' }) } }, { code: 'bad_request', status: 422, providerMessage: 'messages: field required' }],
  ['500', sdkError(500, openaiBody('The server had an error while processing your request.', 'server_error')), {}, { code: 'server_error', status: 500, providerMessage: 'The server had an error while processing your request.' }],
  ['503 one-api no channel', sdkError(503, openaiBody('当前分组 default 下对于模型 gpt-4o 无可用渠道', 'new_api_error')), {}, { code: 'no_channel', status: 503, providerMessage: '当前分组 default 下对于模型 gpt-4o 无可用渠道' }],
  ['500 plain text', sdkError(500, 'upstream exploded\n', 'text/plain'), {}, { code: 'server_error', status: 500, providerMessage: 'upstream exploded' }],
  ['502 nginx HTML stays a gateway error', sdkError(502, GATEWAY_PAGE, 'text/html'), {}, { code: 'bad_gateway', status: 502, providerMessage: '502 Bad Gateway' }],
  ['404 HTML page', sdkError(404, HTML_PAGE, 'text/html'), {}, { code: 'html_response', status: 404, providerMessage: 'New API' }],
  ['404 HTML sniffed without content type', sdkError(404, HTML_PAGE, ''), {}, { code: 'html_response', status: 404, providerMessage: 'New API' }],
  ['404 without body', sdkError(404, ''), {}, { code: 'not_found', status: 404 }],
  ['408', sdkError(408, ''), {}, { code: 'timeout', status: 408 }],
  ['418 unlisted status', sdkError(418, openaiBody('teapot', 'x')), {}, { code: 'unknown', status: 418, providerMessage: 'teapot' }],
  ['error as a string', sdkError(400, JSON.stringify({ error: 'bad model name' })), {}, { code: 'bad_request', status: 400, providerMessage: 'bad model name' }],

  // NextChat: the SDK keeps only `error: true`, the captured body has the message
  ['NextChat wrong access code', sdkError(401, '{"error":true,"msg":"wrong access code"}'), { response: { status: 401, contentType: 'application/json', body: '{"error":true,"msg":"wrong access code"}' } }, { code: 'access_code', status: 401, providerMessage: 'wrong access code' }],
  ['NextChat forbidden path', undefined, { response: { status: 403, body: '{"error":true,"msg":"you are not allowed to request v1/responses"}' } }, { code: 'forbidden', status: 403, providerMessage: 'you are not allowed to request v1/responses' }],
  ['NextChat blocked model (message, not msg)', undefined, { response: { status: 403, body: '{"error":true,"message":"you are not allowed to use gpt-4 model"}' } }, { code: 'forbidden', status: 403, providerMessage: 'you are not allowed to use gpt-4 model' }],
  ['NextChat error inside a 200', undefined, { response: { status: 200, contentType: 'application/json', body: '{"error":true,"msg":"upstream error"}' } }, { code: 'error_in_stream', status: 200, providerMessage: 'upstream error' }],
  ['OpenAI error inside a 200 keeps its code', undefined, { response: { status: 200, body: openaiBody('quota', 'insufficient_quota', 'insufficient_quota') } }, { code: 'insufficient_quota', status: 200, providerMessage: 'quota' }],
  ['HTML page as a 200', undefined, { response: { status: 200, contentType: 'text/html; charset=utf-8', body: HTML_PAGE } }, { code: 'html_response', status: 200, providerMessage: 'New API' }],
  ['captured body wins over the SDK error', sdkError(401, '{"error":true}'), { response: { status: 401, body: '{"error":true,"msg":"empty access code"}' } }, { code: 'access_code', status: 401, providerMessage: 'empty access code' }],

  // Errors inside a stream (status undefined)
  ['in-stream server_error event', new APIError(undefined, { message: 'overloaded', type: 'server_error' }, undefined, new Headers()), {}, { code: 'error_in_stream', providerMessage: 'overloaded' }],
  ['in-stream quota event', new APIError(undefined, { message: 'no money', code: 'insufficient_quota' }, undefined, new Headers()), {}, { code: 'insufficient_quota', providerMessage: 'no money' }],
  ['in-stream unknown event', new APIError(undefined, { message: 'odd' }, undefined, new Headers()), {}, { code: 'error_in_stream', providerMessage: 'odd' }],
  ['unparsable stream data', new SyntaxError('Unexpected token < in JSON at position 0'), {}, { code: 'bad_response' }],

  // Connections
  ['DNS failure', new APIConnectionError({ cause: new TypeError('fetch failed', { cause: withCode('getaddrinfo ENOTFOUND relay.example.com', 'ENOTFOUND') }) }), {}, { code: 'dns' }],
  ['refused', new APIConnectionError({ cause: new TypeError('fetch failed', { cause: withCode('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED') }) }), {}, { code: 'connection_refused' }],
  ['connection error without cause', new APIConnectionError({}), {}, { code: 'network' }],
  ['SDK timeout', new APIConnectionTimeoutError(), {}, { code: 'timeout' }],
  ['connect timeout under fetch', new APIConnectionError({ cause: new TypeError('fetch failed', { cause: withCode('Connect Timeout Error', 'UND_ERR_CONNECT_TIMEOUT') }) }), {}, { code: 'connect_timeout' }],
  ['reset mid-stream (plain error)', new Error('read ECONNRESET', { cause: withCode('read ECONNRESET', 'ECONNRESET') }), {}, { code: 'connection_reset' }],
  ['refused (plain error with cause.code)', Object.assign(new Error('boom'), { cause: withCode('connect ECONNREFUSED', 'ECONNREFUSED') }), {}, { code: 'connection_refused' }],
  ['cut mid-stream (undici terminated)', new TypeError('terminated', { cause: withCode('other side closed', 'UND_ERR_SOCKET') }), {}, { code: 'connection_reset' }],
  ['Electron net.fetch refused', new APIConnectionError({ cause: new Error('net::ERR_CONNECTION_REFUSED') }), {}, { code: 'connection_refused' }],
  ['Electron net.fetch timed out', new Error('net::ERR_CONNECTION_TIMED_OUT'), {}, { code: 'connect_timeout' }],
  ['self-signed certificate', new APIConnectionError({ cause: new TypeError('fetch failed', { cause: withCode('self-signed certificate', 'DEPTH_ZERO_SELF_SIGNED_CERT') }) }), {}, { code: 'tls' }],

  // Issue 4: the finer taxonomy
  ['400 named bad parameter (error.param)', sdkError(400, JSON.stringify({ error: { message: 'Invalid value for temperature', type: 'invalid_request_error', param: 'temperature', code: 'invalid_value' } })), {}, { code: 'bad_request', status: 400, providerMessage: 'Invalid value for temperature', param: 'temperature' }],
  ['400 context length by message only (relay)', sdkError(400, JSON.stringify({ error: { message: "This model's maximum context length is 4096 tokens. However, your messages resulted in 5000 tokens." } })), {}, { code: 'context_length_exceeded', status: 400, providerMessage: "This model's maximum context length is 4096 tokens. However, your messages resulted in 5000 tokens." }],
  ['401 NextChat own key refused', undefined, { response: { status: 401, body: '{"error":true,"msg":"you are not allowed to access with your own api key"}' } }, { code: 'unauthorized', status: 401, providerMessage: 'you are not allowed to access with your own api key' }],
  ['404 model missing by message only', sdkError(404, JSON.stringify({ error: { message: 'The model `gpt-9` does not exist or you do not have access to it.' } })), {}, { code: 'model_not_found', status: 404, providerMessage: 'The model `gpt-9` does not exist or you do not have access to it.' }],
  ['413 from nginx (HTML)', sdkError(413, '<html><head><title>413 Request Entity Too Large</title></head></html>', 'text/html'), {}, { code: 'payload_too_large', status: 413, providerMessage: '413 Request Entity Too Large' }],
  ['429 rate limit with Retry-After seconds', undefined, { response: { status: 429, body: openaiBody('Rate limit reached', 'requests', 'rate_limit_exceeded'), retryAfter: '20' } }, { code: 'rate_limited', status: 429, providerMessage: 'Rate limit reached', retryAfterSeconds: 20 }],
  ['429 rate limit with retry-after-ms', undefined, { response: { status: 429, body: openaiBody('slow down', 'requests', 'rate_limit_exceeded'), retryAfterMs: '1500' } }, { code: 'rate_limited', status: 429, providerMessage: 'slow down', retryAfterSeconds: 2 }],
  ['429 Retry-After from the SDK headers', APIError.generate(429, { error: { message: 'Too many' } }, undefined, new Headers({ 'retry-after': '7' })), {}, { code: 'rate_limited', status: 429, providerMessage: 'Too many', retryAfterSeconds: 7 }],
  ['503 new-api no channel (English)', sdkError(503, openaiBody('No available channel for model gpt-4o under group default', 'new_api_error')), {}, { code: 'no_channel', status: 503, providerMessage: 'No available channel for model gpt-4o under group default' }],
  ['503 other', sdkError(503, openaiBody('Service Unavailable', 'server_error')), {}, { code: 'server_error', status: 503, providerMessage: 'Service Unavailable' }],
  ['504 gateway timeout (HTML)', sdkError(504, '<html><head><title>504 Gateway Time-out</title></head></html>', 'text/html'), {}, { code: 'gateway_timeout', status: 504, providerMessage: '504 Gateway Time-out' }],
  ['407 proxy auth (status)', sdkError(407, 'Proxy Authentication Required', 'text/plain'), {}, { code: 'proxy_auth', status: 407, providerMessage: 'Proxy Authentication Required' }],
  ['407 proxy auth (undici ProxyAgent tunnel)', new APIConnectionError({ cause: new TypeError('fetch failed', { cause: withCode('Proxy response (407) !== 200 when HTTP Tunneling', 'UND_ERR_ABORTED') }) }), {}, { code: 'proxy_auth' }],
  ['407 proxy auth (Electron)', new APIConnectionError({ cause: new Error('net::ERR_PROXY_AUTH_UNSUPPORTED') }), {}, { code: 'proxy_auth' }],
  ['DNS EAI_AGAIN', new APIConnectionError({ cause: new TypeError('fetch failed', { cause: withCode('getaddrinfo EAI_AGAIN x', 'EAI_AGAIN') }) }), {}, { code: 'dns' }],
  ['Electron DNS', new APIConnectionError({ cause: new Error('net::ERR_NAME_NOT_RESOLVED') }), {}, { code: 'dns' }],
  ['Electron reset', new Error('net::ERR_CONNECTION_RESET'), {}, { code: 'connection_reset' }],
  ['Electron certificate', new APIConnectionError({ cause: new Error('net::ERR_CERT_AUTHORITY_INVALID') }), {}, { code: 'tls' }],
  ['expired certificate', new APIConnectionError({ cause: new TypeError('fetch failed', { cause: withCode('certificate has expired', 'CERT_HAS_EXPIRED') }) }), {}, { code: 'tls' }],
  ['TLS handshake failure', new APIConnectionError({ cause: new TypeError('fetch failed', { cause: withCode('wrong version number', 'EPROTO') }) }), {}, { code: 'tls' }],
  ['error frame inside a stream', undefined, { inStream: true, response: { status: 200, body: openaiBody('The upstream model failed mid-answer', 'server_error', 'upstream_error') } }, { code: 'error_in_stream', status: 200, providerMessage: 'The upstream model failed mid-answer' }],
  ['raw text inside a 200', undefined, { response: { status: 200, contentType: 'text/plain', body: 'upstream went away' } }, { code: 'error_in_stream', status: 200, providerMessage: 'upstream went away' }],
  ['our first-byte timer', new DOMException('aborted', 'AbortError'), { timedOut: 'first_byte' }, { code: 'first_byte_timeout' }],
  ['our idle timer', new DOMException('aborted', 'AbortError'), { timedOut: 'idle' }, { code: 'idle_timeout' }],
  ['our connect timer', new Error('x'), { timedOut: 'connect' }, { code: 'connect_timeout' }],
  ['unclassified connection failure', new APIConnectionError({ cause: new TypeError('fetch failed', { cause: withCode('no route', 'EHOSTUNREACH') }) }), {}, { code: 'network' }],

  // Anything else
  ['plain error', new Error('something'), {}, { code: 'unknown' }],
  ['a string', 'weird', {}, { code: 'unknown' }],
  ['nothing', undefined, {}, { code: 'unknown' }],
  ['user abort (callers handle aborts first)', new APIUserAbortError(), {}, { code: 'unknown' }],
];

describe('mapUpstreamError', () => {
  it.each(TABLE)('%s', (_name, thrown, context, expected) => {
    expect(mapUpstreamError(thrown, { requestUrl: URL_, ...context })).toEqual({ ...expected, ...WHERE });
  });

  it('masks the key and anything key-like in the provider message and path', () => {
    const key = 'custom-secret-format-42';
    const error = mapUpstreamError(
      sdkError(401, openaiBody(`Key ${key} rejected; also sk-abcdef1234567890 and Bearer nk-mycode1234`, 'invalid_request_error')),
      { requestUrl: `https://relay.example.com/${key}/v1/chat/completions`, secrets: [key] },
    );
    const json = JSON.stringify(error);
    expect(json).not.toContain(key);
    expect(json).not.toContain('sk-abcdef1234567890');
    expect(json).not.toContain('nk-mycode1234');
    expect(error.providerMessage).toBe('Key [redacted] rejected; also sk-[redacted] and Bearer [redacted]');
    expect(error.path).toBe('/[redacted]/v1/chat/completions');
  });

  it('caps a huge provider message', () => {
    const error = mapUpstreamError(sdkError(500, 'x'.repeat(50_000), 'text/plain'), { requestUrl: URL_ });
    expect(error.providerMessage?.length).toBeLessThanOrEqual(1_001);
  });

  it('omits host and path when the URL cannot be parsed, and never throws', () => {
    expect(mapUpstreamError(new Error('x'), { requestUrl: 'not a url' })).toEqual({ code: 'unknown' });
    expect(() => mapUpstreamError(Object.create(null), { requestUrl: '' })).not.toThrow();
  });
});
