import { z } from 'zod';
import { Id } from './common';

/** Connections and their proxies, as stored (no secret) and as the renderer sees them. */

export const KeyStorage = z.enum(['keychain', 'session']);
export type KeyStorage = z.infer<typeof KeyStorage>;

export const PresetId = z.enum([
  'openai', 'reseller', 'nextchat', 'oneapi', 'deepseek', 'moonshot', 'zhipu', 'qwen', 'siliconflow', 'openrouter',
  'ollama', 'lmstudio', 'custom',
]);
export type PresetId = z.infer<typeof PresetId>;

/**
 * How upstream requests leave this machine. `system`: the OS / environment proxy settings; `none`:
 * direct; `manual`: `url` is `http://`, `https://` or `socks5://host:port` (never credentials: the
 * password lives in the keychain). `bypassLocal`: loopback and private LAN addresses go direct.
 */
export const ProxyConfig = z.object({
  mode: z.enum(['system', 'none', 'manual']),
  url: z.string().max(512).default(''),
  username: z.string().max(256).default(''),
  bypassLocal: z.boolean().default(true),
});
export type ProxyConfig = z.infer<typeof ProxyConfig>;
export const DEFAULT_PROXY: ProxyConfig = { mode: 'system', url: '', username: '', bypassLocal: true };

/** A connection as stored in preferences: no secret here, the key lives in the keychain. */
export const ConnectionConfig = z.object({
  id: Id,
  name: z.string().min(1).max(100),
  baseUrl: z.string().max(2048),
  model: z.string().max(200),
  preset: PresetId.catch('custom').default('custom'),
  /** Use the base URL's path exactly as typed (no /v1 added, no /chat/completions removed). */
  asTyped: z.boolean().default(false),
  /** Extra HTTP headers sent with every request of this connection. */
  headers: z.record(z.string(), z.string()).default({}),
  /** Null: the app's default proxy. */
  proxy: ProxyConfig.nullable().default(null),
  /** The origin the key was saved or confirmed for; the key is never sent anywhere else. */
  keyOrigin: z.string().max(2048).nullable().default(null),
  /**
   * Where the key was saved: a request of a connection whose key is in the keychain stops when the
   * keychain cannot be read, instead of going out without it. Null: no key (or saved by a Ferry
   * that did not record it; then a bound `keyOrigin` counts as 'keychain').
   */
  keyStorage: KeyStorage.nullable().default(null),
  /** Model names the user added by hand. */
  customModels: z.array(z.string().max(200)).max(500).default([]),
  /** The last list from GET /models, cached. */
  modelCache: z.object({ ids: z.array(z.string().max(200)).max(5000), fetchedAt: z.number() }).nullable().default(null),
});
export type ConnectionConfig = z.infer<typeof ConnectionConfig>;

/** What the renderer may know about a key: whether it is set, where, and its last 4 characters. */
export const KeyState = z.object({
  set: z.boolean(),
  storage: KeyStorage.nullable(),
  last4: z.string().max(4).nullable(),
  /** A key is saved but the keychain could not be read just now: requests stop until it can. */
  unreadable: z.boolean().default(false),
});
export type KeyState = z.infer<typeof KeyState>;

export const ConnectionView = ConnectionConfig.extend({
  key: KeyState,
  /** The URL chat requests will go to, for the live preview. Null when the base URL is not a valid http(s) URL. */
  requestUrl: z.string().nullable(),
  /** The saved key was bound to another host: nothing is sent until the user confirms or re-enters it. */
  keyHostMismatch: z.boolean().default(false),
  /** Whether a proxy password is stored for this connection's own proxy (never the password). */
  proxyPasswordSet: z.boolean().default(false),
});
export type ConnectionView = z.infer<typeof ConnectionView>;
