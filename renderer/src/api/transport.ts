import type { AnyEvent } from '../../../shared/events';
import type { Result } from '../../../shared/schemas';

/**
 * `connecting`: first attempt or reconnecting; `open`: requests flow; `closed`: lost, a retry is
 * scheduled; `unreachable`: never got through after several tries (host gone or stale token);
 * `no-token`: the page was opened without the link's token, so there is nothing to try.
 */
export type ConnectionState = 'connecting' | 'open' | 'closed' | 'unreachable' | 'no-token';

/** What the client needs from a host, whether Electron IPC or the browser host's WebSocket. */
export interface Transport {
  invoke(route: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: AnyEvent) => void): () => void;
  getState(): ConnectionState;
  onStateChange(listener: (state: ConnectionState) => void): () => void;
  /** Try to connect now instead of waiting for the next scheduled retry. */
  reconnect(): void;
  /** The conversation on screen (null: none known): main leaves out other conversations' streamed text. */
  watch(conversationId: string | null): void;
}
