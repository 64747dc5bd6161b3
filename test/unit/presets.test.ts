import { describe, expect, it } from 'vitest';
import { resolveBaseUrl } from '../../shared/base-url';
import { deriveNextChat, nextChatConfigUrl, nextChatServerOf, PRESETS, presetById } from '../../shared/presets';
import { PresetId } from '../../shared/schemas';

describe('NextChat relay derivation', () => {
  it.each([
    ['http://1.2.3.4:2024', 'abc', 'http://1.2.3.4:2024/api/openai/v1', 'nk-abc'],
    ['http://1.2.3.4:2024/', 'abc', 'http://1.2.3.4:2024/api/openai/v1', 'nk-abc'],
    ['  http://1.2.3.4:2024  ', '  abc  ', 'http://1.2.3.4:2024/api/openai/v1', 'nk-abc'],
    ['http://1.2.3.4:2024/api/openai/v1', 'abc', 'http://1.2.3.4:2024/api/openai/v1', 'nk-abc'],
    ['http://1.2.3.4:2024/api/openai/v1/chat/completions', 'abc', 'http://1.2.3.4:2024/api/openai/v1', 'nk-abc'],
    ['http://1.2.3.4:2024/api/openai', 'abc', 'http://1.2.3.4:2024/api/openai/v1', 'nk-abc'],
    ['https://chat.example.com', 'nk-abc', 'https://chat.example.com/api/openai/v1', 'nk-abc'],
    ['https://chat.example.com/?x=1', '', 'https://chat.example.com/api/openai/v1', ''],
    ['', 'abc', '', 'nk-abc'],
    // A bare IP:port is a plain-HTTP relay, as NextChat containers are published.
    ['1.2.3.4:2024', 'abc', 'http://1.2.3.4:2024/api/openai/v1', 'nk-abc'],
    ['chat.example.com:3000/', 'abc', 'http://chat.example.com:3000/api/openai/v1', 'nk-abc'],
  ])('%j + %j → %s, %s', (server, code, baseUrl, key) => {
    expect(deriveNextChat(server, code)).toEqual({ baseUrl, key });
  });

  it('the derived base URL resolves to itself (nothing appended)', () => {
    const { baseUrl } = deriveNextChat('http://1.2.3.4:2024', 'abc');
    expect(resolveBaseUrl(baseUrl)).toEqual({ ok: true, baseUrl, requestUrl: `${baseUrl}/chat/completions` });
  });

  it('finds the server and its /api/config back from a base URL', () => {
    expect(nextChatServerOf('http://1.2.3.4:2024/api/openai/v1')).toBe('http://1.2.3.4:2024');
    expect(nextChatConfigUrl('http://1.2.3.4:2024/api/openai/v1')).toBe('http://1.2.3.4:2024/api/config');
  });
});

describe('presets', () => {
  it('cover every preset id exactly once', () => {
    expect(PRESETS.map((p) => p.id).sort()).toEqual([...PresetId.options].sort());
  });

  it.each(PRESETS.filter((p) => p.baseUrl))('$id: its base URL needs no fixing', (preset) => {
    expect(resolveBaseUrl(preset.baseUrl)).toMatchObject({ ok: true, baseUrl: preset.baseUrl });
  });

  it('local servers need no key; Zhipu keeps /v4', () => {
    expect(presetById('ollama').needsKey).toBe(false);
    expect(presetById('zhipu').baseUrl).toBe('https://open.bigmodel.cn/api/paas/v4');
    expect(presetById('nextchat').input).toBe('server+code');
  });
});
