import type { PresetId } from './schemas';

/**
 * Presets fill a connection's base URL and say in one line what the provider needs. Pure data:
 * the renderer shows them, main derives from them. `example` models are only suggestions.
 */
export interface Preset {
  id: PresetId;
  /** Brand names are not translated. */
  label: string;
  /** The base URL the preset fills in; empty when the user must type the server. */
  baseUrl: string;
  /** Whether the provider needs a key (local servers do not). */
  needsKey: boolean;
  /** Suggested default model. */
  model: string;
  /** `server+code`: the user types a server address and an access code (NextChat). */
  input: 'url' | 'server+code';
}

export const PRESETS: readonly Preset[] = [
  { id: 'openai', label: 'OpenAI', baseUrl: 'https://api.openai.com/v1', needsKey: true, model: 'gpt-4o-mini', input: 'url' },
  { id: 'reseller', label: 'OpenAI-compatible reseller', baseUrl: 'https://api.openai-hk.com/v1', needsKey: true, model: 'gpt-4o-mini', input: 'url' },
  { id: 'nextchat', label: 'NextChat relay', baseUrl: '', needsKey: true, model: 'gpt-4o-mini', input: 'server+code' },
  { id: 'oneapi', label: 'one-api / new-api', baseUrl: '', needsKey: true, model: 'gpt-4o-mini', input: 'url' },
  { id: 'deepseek', label: 'DeepSeek', baseUrl: 'https://api.deepseek.com/v1', needsKey: true, model: 'deepseek-chat', input: 'url' },
  { id: 'moonshot', label: 'Moonshot (Kimi)', baseUrl: 'https://api.moonshot.cn/v1', needsKey: true, model: 'moonshot-v1-8k', input: 'url' },
  { id: 'zhipu', label: 'Zhipu GLM', baseUrl: 'https://open.bigmodel.cn/api/paas/v4', needsKey: true, model: 'glm-4-flash', input: 'url' },
  { id: 'qwen', label: 'Qwen (DashScope)', baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1', needsKey: true, model: 'qwen-plus', input: 'url' },
  { id: 'siliconflow', label: 'SiliconFlow', baseUrl: 'https://api.siliconflow.cn/v1', needsKey: true, model: 'Qwen/Qwen2.5-7B-Instruct', input: 'url' },
  { id: 'openrouter', label: 'OpenRouter', baseUrl: 'https://openrouter.ai/api/v1', needsKey: true, model: 'openai/gpt-4o-mini', input: 'url' },
  { id: 'ollama', label: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1', needsKey: false, model: 'llama3.2', input: 'url' },
  { id: 'lmstudio', label: 'LM Studio', baseUrl: 'http://127.0.0.1:1234/v1', needsKey: false, model: '', input: 'url' },
  { id: 'custom', label: 'Custom', baseUrl: '', needsKey: true, model: '', input: 'url' },
];

export function presetById(id: PresetId): Preset {
  return PRESETS.find((p) => p.id === id) ?? (PRESETS.at(-1) as Preset);
}

/** NextChat serves its OpenAI-compatible routes under this path. */
const NEXTCHAT_API_PATH = '/api/openai/v1';
/** NextChat treats a bearer token with this prefix as an access code, anything else as an OpenAI key. */
const NEXTCHAT_CODE_PREFIX = 'nk-';

/**
 * NextChat relay: `http://1.2.3.4:2024` + code `abc` → base `http://1.2.3.4:2024/api/openai/v1`,
 * key `nk-abc`. The server may be typed with a trailing slash, with the API path already on it,
 * or without a scheme. An empty code gives an empty key (a relay without CODE). A code already
 * typed with `nk-` is not prefixed twice.
 */
export function deriveNextChat(server: string, code: string): { baseUrl: string; key: string } {
  const root = nextChatServerOf(server);
  const trimmed = code.trim();
  const key = !trimmed ? '' : trimmed.startsWith(NEXTCHAT_CODE_PREFIX) ? trimmed : NEXTCHAT_CODE_PREFIX + trimmed;
  return { baseUrl: root ? root + NEXTCHAT_API_PATH : '', key };
}

/**
 * The server part of a NextChat base URL (or of what the user typed as the server). A server typed
 * without a scheme (`1.2.3.4:2024`) is plain http: that is how self-hosted relays are published.
 */
export function nextChatServerOf(baseUrl: string): string {
  let s = baseUrl.trim().replace(/[?#].*$/, '').replace(/\/+$/, '');
  if (s && !/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) s = `http://${s.replace(/^\/\/+/, '')}`;
  for (const tail of ['/chat/completions', '/v1', '/openai', '/api']) {
    if (s.toLowerCase().endsWith(tail)) s = s.slice(0, -tail.length).replace(/\/+$/, '');
  }
  return s;
}

/** The NextChat config endpoint: tells whether a code is needed and which models are offered. */
export function nextChatConfigUrl(baseUrl: string): string {
  return `${nextChatServerOf(baseUrl)}/api/config`;
}
