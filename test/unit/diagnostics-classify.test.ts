import { describe, expect, it } from 'vitest';
import { classifyNetworkError, classifyResponse, modelIdsOf } from '../../electron/services/diagnostics/classify';

const json = (status: number, body: unknown) => ({ status, contentType: 'application/json', body: JSON.stringify(body) });

describe('classifyResponse', () => {
  it.each([
    ['a model list', json(200, { object: 'list', data: [{ id: 'm' }] }), 'models', null],
    ['an HTML page with 200', { status: 200, contentType: 'text/html', body: '<!DOCTYPE html><html></html>' }, 'models', 'html_page'],
    ['HTML without content type', { status: 200, contentType: '', body: '  <html><body>hi' }, 'models', 'html_page'],
    ['NextChat internal error as HTTP 200', json(200, { error: true, msg: 'upstream exploded' }), 'completion', 'error_body'],
    ['OpenAI error object with HTTP 200', json(200, { error: { message: 'bad' } }), 'completion', 'error_body'],
    ['OpenAI 401', json(401, { error: { message: 'Incorrect API key', code: 'invalid_api_key' } }), 'models', 'unauthorized'],
    ['NextChat wrong access code', json(401, { error: true, msg: 'wrong access code' }), 'models', 'wrong_access_code'],
    ['NextChat empty access code', json(401, { error: true, msg: 'empty access code' }), 'models', 'wrong_access_code'],
    ['NextChat own key refused', json(401, { error: true, msg: 'you are not allowed to access with your own api key' }), 'models', 'unauthorized'],
    ['region 403', json(403, { error: { code: 'unsupported_country_region_territory', message: 'Country not supported' } }), 'models', 'forbidden'],
    ['NextChat blocked model', json(403, { error: true, message: 'you are not allowed to use gpt-4 model' }), 'completion', 'forbidden'],
    ['wrong path', json(404, { error: { message: 'Invalid URL (GET /models)' } }), 'models', 'not_found'],
    ['HTML 404', { status: 404, contentType: 'text/html', body: '<html>404</html>' }, 'models', 'html_page'],
    ['model not found', json(404, { error: { message: 'The model `x` does not exist', code: 'model_not_found' } }), 'completion', 'model_not_found'],
    ['proxy auth', { status: 407, contentType: 'text/html', body: '' }, 'models', 'proxy_auth'],
    ['rate limit', json(429, { error: { message: 'slow down' } }), 'models', 'rate_limited'],
    ['server error', json(503, { error: { message: 'No available channel for model x' } }), 'completion', 'server_error'],
    ['a completion', json(200, { choices: [{ message: { content: 'p' } }] }), 'completion', null],
    ['JSON that is not a list', json(200, { hello: 1 }), 'models', 'unknown'],
  ] as const)('%s', (_name, res, expect_, code) => {
    const failure = classifyResponse(res, expect_);
    expect(failure?.code ?? null).toBe(code);
  });

  it('keeps the provider’s own words, NextChat’s msg included', () => {
    expect(classifyResponse(json(401, { error: true, msg: 'wrong access code' }), 'models')).toEqual({
      code: 'wrong_access_code',
      status: 401,
      providerMessage: 'wrong access code',
    });
  });
});

describe('classifyNetworkError', () => {
  const err = (code: string, message = code) => Object.assign(new Error(message), { code });
  const wrapped = (cause: Error) => Object.assign(new TypeError('fetch failed'), { cause });
  it.each([
    [err('ENOTFOUND', 'getaddrinfo ENOTFOUND nope.invalid'), false, 'host_not_found'],
    [wrapped(err('ECONNREFUSED')), false, 'refused'],
    [wrapped(err('ECONNREFUSED')), true, 'proxy_refused'],
    [wrapped(err('UND_ERR_ABORTED', 'Proxy response (407) !== 200 when HTTP Tunneling')), true, 'proxy_auth'],
    [wrapped(err('UND_ERR_ABORTED', 'Proxy response (401) !== 200 when HTTP Tunneling')), true, 'proxy_auth'],
    [wrapped(err('UND_ERR_ABORTED', 'Proxy response (502) !== 200 when HTTP Tunneling')), true, 'proxy_refused'],
    [err('SOCKS_AUTH', 'the SOCKS5 proxy refused the username or password'), true, 'proxy_auth'],
    [wrapped(new Error('Socks5 Authentication failed')), true, 'proxy_auth'],
    [Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }), false, 'timeout'],
    [wrapped(err('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate')), false, 'tls'],
    [wrapped(err('ECONNRESET')), false, 'network'],
  ] as const)('%s (proxy %s) → %s', (error, viaProxy, code) => {
    expect(classifyNetworkError(error, viaProxy).code).toBe(code);
  });
});

describe('modelIdsOf', () => {
  it('reads ids, ignores junk', () => {
    expect(modelIdsOf(JSON.stringify({ data: [{ id: 'a' }, { nope: 1 }, { id: 'b' }] }))).toEqual(['a', 'b']);
    expect(modelIdsOf('<html>')).toBeNull();
  });
});
