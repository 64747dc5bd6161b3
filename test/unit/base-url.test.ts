import { describe, expect, it } from 'vitest';
import { isLocalHost, resolveBaseUrl } from '../../shared/base-url';

const OK: Array<[input: string, baseUrl: string]> = [
  // The common mistakes with /v1
  ['api.openai-hk.com', 'https://api.openai-hk.com/v1'],
  ['api.openai-hk.com/', 'https://api.openai-hk.com/v1'],
  ['https://api.openai-hk.com', 'https://api.openai-hk.com/v1'],
  ['https://api.openai-hk.com/', 'https://api.openai-hk.com/v1'],
  ['https://api.openai-hk.com/v1', 'https://api.openai-hk.com/v1'],
  ['https://api.openai-hk.com/v1/', 'https://api.openai-hk.com/v1'],
  ['https://api.openai-hk.com/v1//', 'https://api.openai-hk.com/v1'],
  ['https://api.openai-hk.com/v1/chat/completions', 'https://api.openai-hk.com/v1'],
  ['https://api.openai-hk.com/v1/chat/completions/', 'https://api.openai-hk.com/v1'],
  ['https://api.openai-hk.com/chat/completions', 'https://api.openai-hk.com/v1'],
  ['  https://api.deepseek.com  ', 'https://api.deepseek.com/v1'],
  ['HTTPS://API.Moonshot.CN/v1', 'https://api.moonshot.cn/v1'],
  // Versioned paths: nothing appended
  ['https://open.bigmodel.cn/api/paas/v4', 'https://open.bigmodel.cn/api/paas/v4'],
  ['https://open.bigmodel.cn/api/paas/v4/', 'https://open.bigmodel.cn/api/paas/v4'],
  ['https://dashscope.aliyuncs.com/compatible-mode/v1', 'https://dashscope.aliyuncs.com/compatible-mode/v1'],
  ['https://relay.example.com:2024/api/openai/v1', 'https://relay.example.com:2024/api/openai/v1'],
  ['https://openrouter.ai/api/v1', 'https://openrouter.ai/api/v1'],
  ['https://generativelanguage.googleapis.com/v1beta/openai', 'https://generativelanguage.googleapis.com/v1beta/openai'],
  // A non-version path still gets /v1 (NextChat without the /v1 part)
  ['https://relay.example.com:2024/api/openai', 'https://relay.example.com:2024/api/openai/v1'],
  ['https://example.com/version1', 'https://example.com/version1/v1'],
  // Local servers: http when no scheme is typed
  ['localhost:11434', 'http://localhost:11434/v1'],
  ['127.0.0.1:1234/v1', 'http://127.0.0.1:1234/v1'],
  ['127.0.0.1:8080/v1/chat/completions', 'http://127.0.0.1:8080/v1'],
  ['[::1]:8080', 'http://[::1]:8080/v1'],
  ['192.168.1.20:11434', 'http://192.168.1.20:11434/v1'],
  ['10.0.0.5:8000/v1', 'http://10.0.0.5:8000/v1'],
  ['172.20.0.2:3000', 'http://172.20.0.2:3000/v1'],
  ['ollama:11434', 'http://ollama:11434/v1'],
  ['nas.local:1234', 'http://nas.local:1234/v1'],
  ['172.32.0.1', 'https://172.32.0.1/v1'],
  // An explicit scheme wins, even for local hosts
  ['https://localhost:8443', 'https://localhost:8443/v1'],
  ['http://api.example.com', 'http://api.example.com/v1'],
  // Query and hash dropped; default ports dropped
  ['https://api.example.com/v1?x=1#frag', 'https://api.example.com/v1'],
  ['https://api.example.com:443/v1', 'https://api.example.com/v1'],
  ['//api.example.com/v1', 'https://api.example.com/v1'],
];

const FAIL: Array<[input: string, reason: 'empty' | 'invalid' | 'scheme']> = [
  ['', 'empty'],
  ['   \t\n', 'empty'],
  ['ftp://x', 'scheme'],
  ['file:///etc/passwd', 'scheme'],
  ['ws://localhost:8080', 'scheme'],
  ['not a url', 'invalid'],
  ['https://', 'invalid'],
  ['http://exa mple.com', 'invalid'],
  ['::::', 'invalid'],
  ['https://user:pass@api.example.com/v1', 'invalid'],
  ['https://not%20a%20url', 'invalid'],
  ['api .example.com/v1', 'invalid'],
  ['https://exa$mple.com', 'invalid'],
];

describe('resolveBaseUrl', () => {
  it.each(OK)('%j → %s', (input, baseUrl) => {
    expect(resolveBaseUrl(input)).toEqual({ ok: true, baseUrl, requestUrl: `${baseUrl}/chat/completions` });
  });

  it.each(FAIL)('%j → %s', (input, reason) => {
    expect(resolveBaseUrl(input)).toEqual({ ok: false, reason });
  });

  it.each([
    ['https://relay.example.com/custom/path/', 'https://relay.example.com/custom/path'],
    ['https://relay.example.com', 'https://relay.example.com'],
    ['https://relay.example.com/', 'https://relay.example.com'],
    ['https://relay.example.com/v1/chat/completions', 'https://relay.example.com/v1/chat/completions'],
    ['localhost:11434/api', 'http://localhost:11434/api'],
    ['https://relay.example.com/x?y=1#z', 'https://relay.example.com/x'],
    // Versioned paths are kept as they are either way
    ['https://open.bigmodel.cn/api/paas/v4/', 'https://open.bigmodel.cn/api/paas/v4'],
    ['https://dashscope.aliyuncs.com/compatible-mode/v1', 'https://dashscope.aliyuncs.com/compatible-mode/v1'],
    ['http://1.2.3.4:2024/api/openai/v1', 'http://1.2.3.4:2024/api/openai/v1'],
    // …and a path without a version stays without one: the user asked for it
    ['http://1.2.3.4:2024/api/openai', 'http://1.2.3.4:2024/api/openai'],
  ])('asTyped %j → %s', (input, baseUrl) => {
    expect(resolveBaseUrl(input, { asTyped: true })).toEqual({
      ok: true,
      baseUrl,
      requestUrl: `${baseUrl}/chat/completions`,
    });
  });

  it('asTyped still validates', () => {
    expect(resolveBaseUrl('ftp://x', { asTyped: true })).toEqual({ ok: false, reason: 'scheme' });
    expect(resolveBaseUrl(' ', { asTyped: true })).toEqual({ ok: false, reason: 'empty' });
  });

  it('is idempotent: resolving a resolved base URL changes nothing', () => {
    for (const [input] of OK) {
      const first = resolveBaseUrl(input);
      if (!first.ok) throw new Error(input);
      expect(resolveBaseUrl(first.baseUrl)).toEqual(first);
    }
  });
});

describe('isLocalHost', () => {
  it.each([
    ['localhost', true],
    ['app.localhost', true],
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['0.0.0.0', true],
    ['[::1]', true],
    ['[fd12:3456::1]', true],
    ['[fe80::1]', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['192.168.0.1', true],
    ['169.254.1.1', true],
    ['ollama', true],
    ['172.15.0.1', false],
    ['8.8.8.8', false],
    ['api.openai.com', false],
    ['[2001:db8::1]', false],
  ])('%s → %s', (host, local) => {
    expect(isLocalHost(host)).toBe(local);
  });
});
