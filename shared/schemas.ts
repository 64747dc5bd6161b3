import { z } from 'zod';

/** Domain types shared by main and renderer. Every type is inferred from a schema here. */

export const Id = z.string().min(1).max(128);

export const Language = z.enum(['en', 'zh-CN']);
export type Language = z.infer<typeof Language>;

export const LanguagePref = z.enum(['system', 'en', 'zh-CN']);
export const ThemePref = z.enum(['system', 'light', 'dark']);

export const MessageRole = z.enum(['system', 'user', 'assistant']);
export type MessageRole = z.infer<typeof MessageRole>;

/**
 * `streaming`: tokens are still arriving. `stopped`: the user stopped it.
 * `interrupted`: the process died while it streamed. `error`: upstream failed.
 */
export const MessageStatus = z.enum(['done', 'streaming', 'stopped', 'interrupted', 'error']);
export type MessageStatus = z.infer<typeof MessageStatus>;

/** Kinds of upstream failure; each has a localized title and hint in the renderer. */
export const UpstreamErrorCode = z.enum([
  'bad_request', // 400
  'unauthorized', // 401: bad key or wrong access code
  'forbidden', // 403: region or permission
  'not_found', // 404: wrong path or model
  'rate_limited', // 429 rate limit
  'insufficient_quota', // 429 insufficient_quota: API balance empty
  'server_error', // 5xx
  'bad_response', // a 200 that is not what the API returns (HTML, garbage)
  'network', // DNS failure, refused, reset
  'timeout',
  'no_key', // the connection has no key and needs one
  'unknown',
  // Finer codes (issue 4): the generic ones above stay for what matches nothing finer.
  'context_length_exceeded', // 400: the conversation is longer than the model's context
  'payload_too_large', // 413
  'model_not_found', // 404 model_not_found
  'region_blocked', // 403 unsupported_country_region_territory
  'access_code', // 401 from a NextChat relay: wrong or empty access code
  'no_channel', // one-api/new-api: no available channel for the model
  'bad_gateway', // 502
  'gateway_timeout', // 504
  'dns', // the host name could not be resolved
  'connection_refused',
  'connection_reset', // the connection dropped, also mid-stream
  'tls', // certificate or TLS handshake failure
  'proxy_auth', // 407: the proxy wants credentials
  'html_response', // a web page where the API should answer
  'error_in_stream', // an error object inside a 200 answer or event stream
  'connect_timeout',
  'first_byte_timeout',
  'idle_timeout',
]);
export type UpstreamErrorCode = z.infer<typeof UpstreamErrorCode>;

/** What went wrong upstream, as stored on a failed message. Never carries the key. */
export const UpstreamError = z.object({
  code: UpstreamErrorCode,
  status: z.number().int().optional(),
  providerMessage: z.string().optional(),
  host: z.string().optional(),
  path: z.string().optional(),
  /** 429: how long the provider asks to wait (Retry-After), in seconds. */
  retryAfterSeconds: z.number().nonnegative().optional(),
  /** 400: the request parameter the provider named as bad. */
  param: z.string().optional(),
});
export type UpstreamError = z.infer<typeof UpstreamError>;

/** Tokens an answer cost; `estimated` when the server reported none and they were counted locally. */
export const MessageUsage = z.object({
  promptTokens: z.number().int().min(0),
  completionTokens: z.number().int().min(0),
  estimated: z.boolean(),
});
export type MessageUsage = z.infer<typeof MessageUsage>;

export const Message = z.object({
  id: Id,
  conversationId: Id,
  parentId: Id.nullable(),
  role: MessageRole,
  content: z.string(),
  status: MessageStatus,
  error: UpstreamError.nullable(),
  model: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** The model's reasoning ("thinking"), stored apart from the answer. Absent = none. */
  reasoning: z.string().optional(),
  /** How long the model thought: from the request until the answer's first visible text. */
  reasoningMs: z.number().int().min(0).nullable().optional(),
  usage: MessageUsage.nullable().optional(),
});
export type Message = z.infer<typeof Message>;

export const ConversationSummary = z.object({
  id: Id,
  title: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  connectionId: Id.nullable(),
  model: z.string().nullable(),
  /** The leaf of the branch on screen; absent or unknown = the newest message. */
  activeLeafId: Id.nullable().optional(),
  /** Pinned conversations come first in the sidebar. Absent = not pinned. */
  pinned: z.boolean().optional(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

/** Per-conversation request settings; null = not set (the model's default, the whole path). */
export const ConversationSettings = z.object({
  systemPrompt: z.string().max(20_000).nullable(),
  /** How many of the latest messages of the active path are sent. */
  contextMessages: z.number().int().min(1).max(1000).nullable(),
  temperature: z.number().min(0).max(2).nullable(),
  topP: z.number().min(0).max(1).nullable(),
  maxTokens: z.number().int().min(1).max(1_000_000).nullable(),
});
export type ConversationSettings = z.infer<typeof ConversationSettings>;

export const DEFAULT_CONVERSATION_SETTINGS: ConversationSettings = Object.freeze({
  systemPrompt: null,
  contextMessages: null,
  temperature: null,
  topP: null,
  maxTokens: null,
});

/** The whole message tree (every branch) of a conversation; the UI derives the active path. */
export const ConversationDetail = z.object({
  conversation: ConversationSummary,
  messages: z.array(Message),
  settings: ConversationSettings,
});
export type ConversationDetail = z.infer<typeof ConversationDetail>;

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

export const WindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

export const Currency = z.enum(['USD', 'CNY']);
export type Currency = z.infer<typeof Currency>;

/** Per-model settings, keyed by model name: price per 1M tokens and whether reasoning is sent back. */
export const ModelSetting = z.object({
  model: z.string().trim().min(1).max(200),
  inputPrice: z.number().min(0).nullable(),
  outputPrice: z.number().min(0).nullable(),
  currency: Currency,
  /** Send earlier answers' reasoning back upstream (as <think>…</think>); off by default. */
  sendReasoning: z.boolean(),
});
export type ModelSetting = z.infer<typeof ModelSetting>;

/** App-wide upstream time limits, in milliseconds (issue 4.5). */
export const TimeoutSettings = z.object({
  /** TCP + TLS (and the proxy) until the request is sent. */
  connectMs: z.number().int().min(1_000).max(600_000),
  /** From the request sent to the first byte of the answer: reasoning models think long. */
  firstByteMs: z.number().int().min(1_000).max(3_600_000),
  /** Longest silence between two chunks once the answer has started. */
  idleMs: z.number().int().min(1_000).max(3_600_000),
});
export type TimeoutSettings = z.infer<typeof TimeoutSettings>;
export const DEFAULT_TIMEOUT_SETTINGS: TimeoutSettings = Object.freeze({ connectMs: 30_000, firstByteMs: 10 * 60_000, idleMs: 2 * 60_000 });

/** Non-secret preferences, persisted by electron-store (Electron) or conf (browser host): one file, one schema. */
export const Preferences = z.object({
  language: LanguagePref.default('system'),
  theme: ThemePref.default('system'),
  window: WindowState.optional(),
  lastConnectionId: Id.nullable().default(null),
  connections: z.array(ConnectionConfig).default([]),
  /** The app's default proxy; a connection may override it. */
  proxy: ProxyConfig.default(DEFAULT_PROXY),
  modelSettings: z.array(ModelSetting).default([]),
  /** Connections whose upstream rejected `stream_options`: usage is not requested from them. */
  noStreamOptions: z.array(Id).default([]),
  timeouts: TimeoutSettings.default(DEFAULT_TIMEOUT_SETTINGS),
});
export type Preferences = z.infer<typeof Preferences>;

export const KeychainStatus = z.object({
  available: z.boolean(),
  /** Technical reason when unavailable (e.g. no Secret Service on D-Bus); shown as a detail under a localized explanation. */
  reason: z.string().optional(),
});
export type KeychainStatus = z.infer<typeof KeychainStatus>;

export const DatabaseProblem = z.enum(['corrupt', 'unreadable', 'too_new']);
export type DatabaseProblem = z.infer<typeof DatabaseProblem>;

/** A copy made before a migration, in `<dataDir>/backups/`. */
export const BackupInfo = z.object({
  file: z.string(),
  /** Schema version of the copy. */
  version: z.number().int(),
  size: z.number().int(),
  createdAt: z.number(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

/** `ok:false` = recovery mode: history routes fail with `database_corrupt`/`database_unavailable` until a restore. */
export const DatabaseStatus = z.object({
  ok: z.boolean(),
  path: z.string(),
  reason: DatabaseProblem.optional(),
  message: z.string().optional(),
  backups: z.array(BackupInfo),
});
export type DatabaseStatus = z.infer<typeof DatabaseStatus>;

/** A piece of a snippet; `match` pieces are what the query found. Plain text: render it as text, never as HTML. */
export const SnippetSegment = z.object({ text: z.string(), match: z.boolean() });
export type SnippetSegment = z.infer<typeof SnippetSegment>;

export const SearchHit = z.object({
  messageId: Id,
  role: MessageRole,
  /** Where the match is: the answer or the model's reasoning. */
  field: z.enum(['content', 'reasoning']),
  createdAt: z.number(),
  snippet: z.array(SnippetSegment),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchGroup = z.object({
  conversationId: Id,
  title: z.string(),
  updatedAt: z.number(),
  hits: z.array(SearchHit),
});
export type SearchGroup = z.infer<typeof SearchGroup>;

export const SearchResult = z.object({
  groups: z.array(SearchGroup),
  /** 1–2 character queries scan only the newest messages; true when older ones were not looked at. */
  partial: z.boolean(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const AppInfo = z.object({
  version: z.string(),
  host: z.enum(['electron', 'web']),
  platform: z.string(),
  dataDir: z.string(),
  systemLanguage: Language,
  keychain: KeychainStatus,
  /** Absent in hosts that predate it; see DatabaseStatus. */
  database: DatabaseStatus.optional(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const ErrorCode = z.enum([
  'invalid_input',
  'unknown_route',
  'forbidden',
  'not_found',
  'keychain_unavailable',
  'no_connection',
  'no_key',
  /** The key was saved for another host than the connection's base URL now points to. */
  'key_host_mismatch',
  'busy',
  'internal',
  /** The history database is damaged or unreadable; it was left untouched (see app.info's `database`). */
  'database_corrupt',
  /** The history database cannot be used right now (written by a newer Ferry, or Ferry is in recovery mode). */
  'database_unavailable',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** Structured failure of a request; `message` is for logs and developers, the UI localizes by `code`. */
export const AppError = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AppError = z.infer<typeof AppError>;

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

/** Steps of "Test connection", in order. */
export const DiagnosticStep = z.enum(['url', 'key', 'proxy', 'dns', 'connect', 'tls', 'models', 'completion']);
export type DiagnosticStep = z.infer<typeof DiagnosticStep>;

/** Why a step failed; each has a localized sentence in the renderer. */
export const DiagnosticCode = z.enum([
  'invalid_url',
  'key_host_mismatch',
  'no_key',
  'host_not_found',
  'refused',
  'tls',
  'html_page',
  'unauthorized',
  'wrong_access_code',
  'forbidden',
  'not_found',
  'model_not_found',
  'proxy_refused',
  'proxy_auth',
  'timeout',
  'error_body',
  'server_error',
  'rate_limited',
  'network',
  'unknown',
]);
export type DiagnosticCode = z.infer<typeof DiagnosticCode>;

export const DiagnosticStepResult = z.object({
  step: DiagnosticStep,
  ok: z.boolean(),
  /** A technical detail safe to show: an address, a status, a certificate issuer. Never the key. */
  detail: z.string().optional(),
});
export type DiagnosticStepResult = z.infer<typeof DiagnosticStepResult>;

export const DiagnosticFailure = z.object({
  code: DiagnosticCode,
  status: z.number().int().optional(),
  providerMessage: z.string().optional(),
  detail: z.string().optional(),
});
export type DiagnosticFailure = z.infer<typeof DiagnosticFailure>;

export const DiagnosticReport = z.object({
  ok: z.boolean(),
  requestUrl: z.string().nullable(),
  /** The proxy the requests went through, without credentials, or 'direct' / 'system'. */
  proxy: z.string(),
  steps: z.array(DiagnosticStepResult),
  failure: DiagnosticFailure.nullable(),
  /** A base URL that answered where the typed one did not (the /v1 fix). */
  suggestedBaseUrl: z.string().nullable(),
  /** Models the server listed, when it did. */
  models: z.array(z.string()).nullable(),
});
export type DiagnosticReport = z.infer<typeof DiagnosticReport>;
