import { z } from 'zod';
import { AttachmentRef } from './attachments';
import { Id } from './common';

/** Conversations, their message tree and what an upstream failure leaves on a message. */

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
  // The request carried images and the provider refused it: the model likely has no vision.
  'images_not_supported',
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
  /** Files the user attached (user messages only). Absent = none. */
  attachments: z.array(AttachmentRef).optional(),
});
export type Message = z.infer<typeof Message>;

/**
 * The end of a streamed answer without its text: the deltas delivered it, and resending a 10 MB
 * answer cost the renderer ~190 ms of receive and JSON.parse in one task. The lengths say how much
 * text the whole answer has, so a client checks that what it streamed is complete (deltas carry
 * offsets and are placed only where they join, so a complete length means the same text) and
 * otherwise fetches the message (`messages.get`).
 */
export const StreamEnd = z.object({
  message: Message.omit({ content: true, reasoning: true }),
  contentLength: z.number().int().min(0),
  /** Of `reasoning`; 0 when the message has none. */
  reasoningLength: z.number().int().min(0),
});
export type StreamEnd = z.infer<typeof StreamEnd>;

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

/**
 * The whole message tree (every branch) of a conversation; the UI derives the active path. With
 * `partial`, only the end of the active path (and the siblings of those messages) was sent:
 * `earlier` messages of the path come before the first one here.
 */
export const ConversationDetail = z.object({
  conversation: ConversationSummary,
  messages: z.array(Message),
  settings: ConversationSettings,
  partial: z.object({ earlier: z.number().int().nonnegative() }).strict().optional(),
});
export type ConversationDetail = z.infer<typeof ConversationDetail>;
