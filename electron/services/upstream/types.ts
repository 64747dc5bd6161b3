import type { UpstreamError } from '../../../shared/schemas';

export interface ChatTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface StreamChatRequest {
  /** Base URL exactly as the SDK should use it (already normalised), e.g. http://127.0.0.1:8080/v1 */
  baseUrl: string;
  apiKey: string;
  model: string;
  messages: ChatTurn[];
  signal: AbortSignal;
  /** Called for every text delta, in order. */
  onDelta: (text: string) => void;
  /** Replaces global fetch (Electron's net.fetch, a proxy dispatcher). */
  fetch?: typeof fetch;
}

export type StreamChatOutcome =
  | { kind: 'done'; finishReason: string | null }
  | { kind: 'aborted' }
  | { kind: 'error'; error: UpstreamError };

/** Streams one chat completion. Never throws: every failure becomes an `error` outcome. */
export type StreamChat = (request: StreamChatRequest) => Promise<StreamChatOutcome>;
