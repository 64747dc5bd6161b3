import type { AnyEvent } from '../../../shared/events';
import type { WsClientMessage, WsServerMessage } from '../../../shared/bridge';
import type { Result } from '../../../shared/schemas';
import { ApiError } from './errors';
import type { ConnectionState, Transport } from './transport';

interface Pending {
  resolve: (result: Result<unknown>) => void;
  reject: (err: ApiError) => void;
}

export interface WsTransportOptions {
  url: string;
  WebSocketImpl?: typeof WebSocket;
  /** Failed attempts in a row before the UI says "unreachable" rather than "reconnecting". */
  unreachableAfter?: number;
}

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 10_000;

/**
 * The browser host's bridge. Requests made while the socket is still opening wait for it; requests
 * made while it is down fail at once (so the UI never hangs), and every in-flight request is
 * rejected when the socket closes because its answer can no longer arrive.
 */
export function createWsTransport(options: WsTransportOptions): Transport {
  const WS = options.WebSocketImpl ?? WebSocket;
  const unreachableAfter = options.unreachableAfter ?? 4;
  const pending = new Map<number, Pending>();
  const queue: WsClientMessage[] = [];
  const eventListeners = new Set<(event: AnyEvent) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let socket: WebSocket | null = null;
  let nextId = 1;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** What the page shows; said again on every new socket (the host keeps it per socket). */
  let watched: string | null = null;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const rejectAll = () => {
    const err = new ApiError('disconnected', 'Disconnected from the Ferry host');
    queue.length = 0;
    for (const entry of pending.values()) entry.reject(err);
    pending.clear();
  };

  const onMessage = (data: unknown) => {
    let message: WsServerMessage;
    try {
      message = JSON.parse(String(data)) as WsServerMessage;
    } catch {
      return;
    }
    if (message.type === 'result') {
      const entry = pending.get(message.id);
      pending.delete(message.id);
      entry?.resolve(message.result);
    } else if (message.type === 'event') {
      for (const listener of eventListeners) listener(message.event);
    }
  };

  const scheduleRetry = () => {
    if (retryTimer) return;
    // Jitter keeps several tabs from hammering a restarting host in lockstep.
    const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(failures, 5)) * (0.8 + Math.random() * 0.4);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect();
    }, delay);
  };

  const connect = () => {
    if (socket) return;
    if (state !== 'unreachable') setState('connecting');
    const ws = new WS(options.url);
    socket = ws;
    ws.onopen = () => {
      failures = 0;
      setState('open');
      // Before the queued requests: the answer to opening a conversation must not outrun its watch.
      if (watched !== null) ws.send(JSON.stringify({ type: 'watch', conversationId: watched } satisfies WsClientMessage));
      for (const message of queue.splice(0)) ws.send(JSON.stringify(message));
    };
    ws.onmessage = (ev) => onMessage(ev.data);
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      failures += 1;
      rejectAll();
      setState(failures >= unreachableAfter ? 'unreachable' : 'closed');
      scheduleRetry();
    };
    // Errors are always followed by close, which does the bookkeeping.
    ws.onerror = () => {};
  };

  const retryNow = () => {
    if (socket || state === 'open') return;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    connect();
  };
  // Coming back to the tab or the network is the moment the user expects things to work again.
  if (typeof window !== 'undefined') {
    window.addEventListener('online', retryNow);
    window.addEventListener('focus', retryNow);
  }

  connect();

  return {
    invoke(route, input) {
      return new Promise<Result<unknown>>((resolve, reject) => {
        if (state !== 'open' && state !== 'connecting') {
          reject(new ApiError('disconnected', 'Disconnected from the Ferry host'));
          return;
        }
        const message: WsClientMessage = { type: 'invoke', id: nextId++, route, input };
        pending.set(message.id, { resolve, reject });
        if (state === 'open' && socket) socket.send(JSON.stringify(message));
        else queue.push(message);
      });
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    getState: () => state,
    onStateChange(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    reconnect: retryNow,
    watch(conversationId) {
      if (conversationId === watched) return;
      watched = conversationId;
      if (state === 'open' && socket) socket.send(JSON.stringify({ type: 'watch', conversationId } satisfies WsClientMessage));
    },
  };
}

/** The bridge URL on the page's own origin; the host checks the token on upgrade. */
export function bridgeUrl(path: string, token: string, loc: Location = window.location): string {
  const scheme = loc.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${loc.host}${path}?token=${encodeURIComponent(token)}`;
}
