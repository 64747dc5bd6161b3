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
]);
export type UpstreamErrorCode = z.infer<typeof UpstreamErrorCode>;

/** What went wrong upstream, as stored on a failed message. Never carries the key. */
export const UpstreamError = z.object({
  code: UpstreamErrorCode,
  status: z.number().int().optional(),
  providerMessage: z.string().optional(),
  host: z.string().optional(),
  path: z.string().optional(),
});
export type UpstreamError = z.infer<typeof UpstreamError>;

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
});
export type Message = z.infer<typeof Message>;

export const ConversationSummary = z.object({
  id: Id,
  title: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  connectionId: Id.nullable(),
  model: z.string().nullable(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

export const ConversationDetail = z.object({
  conversation: ConversationSummary,
  messages: z.array(Message),
});
export type ConversationDetail = z.infer<typeof ConversationDetail>;

export const KeyStorage = z.enum(['keychain', 'session']);
export type KeyStorage = z.infer<typeof KeyStorage>;

/** A connection as stored in preferences: no secret here, the key lives in the keychain. */
export const ConnectionConfig = z.object({
  id: Id,
  name: z.string().min(1).max(100),
  baseUrl: z.string().max(2048),
  model: z.string().max(200),
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

/** Non-secret preferences, persisted by electron-store (Electron) or conf (browser host): one file, one schema. */
export const Preferences = z.object({
  language: LanguagePref.default('system'),
  theme: ThemePref.default('system'),
  window: WindowState.optional(),
  lastConnectionId: Id.nullable().default(null),
  connections: z.array(ConnectionConfig).default([]),
});
export type Preferences = z.infer<typeof Preferences>;

export const KeychainStatus = z.object({
  available: z.boolean(),
  /** Technical reason when unavailable (e.g. no Secret Service on D-Bus); shown as a detail under a localized explanation. */
  reason: z.string().optional(),
});
export type KeychainStatus = z.infer<typeof KeychainStatus>;

export const AppInfo = z.object({
  version: z.string(),
  host: z.enum(['electron', 'web']),
  platform: z.string(),
  dataDir: z.string(),
  systemLanguage: Language,
  keychain: KeychainStatus,
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
  'busy',
  'internal',
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
