import type { AnyEvent } from './events';
import type { Result } from './schemas';

/** What the Electron preload exposes as `window.ferry`: a forwarder, nothing more. */
export interface FerryBridge {
  invoke(route: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: AnyEvent) => void): () => void;
  /** The conversation this page shows (null: none known, send everything): see electron/core/event-watch.ts. */
  watch(conversationId: string | null): void;
}

/** Browser host WebSocket protocol. The client sends requests; the host answers and pushes events. */
export type WsClientMessage =
  | { type: 'invoke'; id: number; route: string; input: unknown }
  | { type: 'watch'; conversationId: string | null };
export type WsServerMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: AnyEvent };

/** IPC channel names used by the Electron preload and main. Kept here, free of runtime imports,
 * so the sandboxed preload bundle stays tiny. */
export const IPC_INVOKE = 'ferry:invoke';
export const IPC_EVENT = 'ferry:event';
export const IPC_WATCH = 'ferry:watch';

/** Path of the bridge endpoint on the browser host; the token comes as `?token=`. */
export const WS_BRIDGE_PATH = '/bridge';
