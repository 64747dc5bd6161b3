import type { UpstreamError } from '../../../shared/schemas';

/** A part of a user turn that carries an image (OpenAI's content-part form). */
export type ContentPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

/** One message sent upstream; only a user turn with images carries parts, everything else is plain text. */
export type ChatTurn = { role: 'system' | 'assistant'; content: string } | { role: 'user'; content: string | ContentPart[] };

/** One piece of a streamed answer: visible text and/or the model's reasoning ("thinking"). */
export interface StreamDelta {
  content?: string;
  reasoning?: string;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  /** True when the server reported nothing and the figures come from a local tokenizer. */
  estimated: boolean;
}

export interface StreamTimeouts {
  /** TCP + TLS + sending the request. */
  connectMs: number;
  /** From the request sent to the first byte of the answer: reasoning models think long. */
  firstByteMs: number;
  /** Longest silence between two chunks once the answer has started. */
  idleMs: number;
}

export interface StreamChatRequest {
  /** Base URL exactly as the SDK should use it (already normalised), e.g. http://127.0.0.1:8080/v1 */
  baseUrl: string;
  apiKey: string;
  model: string;
  messages: ChatTurn[];
  signal: AbortSignal;
  /** Sampling parameters; absent ones are not sent. */
  params?: { temperature?: number; top_p?: number; max_tokens?: number; reasoning_effort?: 'minimal' | 'low' | 'medium' | 'high' };
  /** Ask for `stream_options.include_usage`; false for a connection known to reject it. Default true. */
  includeUsage?: boolean;
  timeouts?: Partial<StreamTimeouts>;
  /** Extra HTTP headers of the connection. */
  headers?: Record<string, string>;
  /** Called for every delta, in order. */
  onDelta: (delta: StreamDelta) => void;
  /** Replaces global fetch (Electron's net.fetch, a proxy dispatcher). */
  fetch?: typeof fetch;
}

interface OutcomeExtras {
  /** Reported by the server, else estimated; null when nothing could be counted. */
  usage?: TokenUsage | null;
  /** The upstream rejected `stream_options` and the request was re-sent once without it: remember per connection. */
  streamOptionsRejected?: boolean;
}

export type StreamChatOutcome =
  | ({ kind: 'done'; finishReason: string | null } & OutcomeExtras)
  | ({ kind: 'aborted' } & OutcomeExtras)
  | ({ kind: 'error'; error: UpstreamError } & OutcomeExtras);

/** Streams one chat completion. Never throws: every failure becomes an `error` outcome. */
export type StreamChat = (request: StreamChatRequest) => Promise<StreamChatOutcome>;
