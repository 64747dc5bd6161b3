import type { AnyEvent, EventName, EventPayload } from '../../../shared/events';
import type { RouteInput, RouteName, RouteOutput } from '../../../shared/routes';
import { ApiError, toApiError } from './errors';
import type { ConnectionState, Transport } from './transport';

export interface ApiClient {
  /** Resolves with the route's output or throws an `ApiError`. */
  call<R extends RouteName>(route: R, input: RouteInput<R>): Promise<RouteOutput<R>>;
  on<E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void): () => void;
  connectionState(): ConnectionState;
  onConnectionState(listener: (state: ConnectionState) => void): () => void;
  reconnect(): void;
  /** Which conversation is on screen: see Transport.watch. */
  watch(conversationId: string | null): void;
}

type Handler = (payload: unknown) => void;

/** The only door to main: typed by the shared route and event tables. */
export function createApiClient(transport: Transport): ApiClient {
  const handlers = new Map<EventName, Set<Handler>>();

  transport.onEvent((event: AnyEvent) => {
    const set = handlers.get(event.name);
    if (!set) return;
    for (const handler of set) {
      try {
        handler(event.payload);
      } catch (err) {
        // One broken subscriber must not starve the others of events.
        console.error(`handler for ${event.name} failed`, err);
      }
    }
  });

  return {
    async call(route, input) {
      let result;
      try {
        result = await transport.invoke(route, input);
      } catch (err) {
        throw toApiError(err);
      }
      if (!result.ok) throw ApiError.from(result.error);
      // Main validated the output against the shared schema; re-parsing here would ship zod for nothing.
      return result.data as RouteOutput<typeof route>;
    },
    on(name, handler) {
      let set = handlers.get(name);
      if (!set) handlers.set(name, (set = new Set()));
      const h = handler as Handler;
      set.add(h);
      return () => set.delete(h);
    },
    connectionState: () => transport.getState(),
    onConnectionState: (listener) => transport.onStateChange(listener),
    reconnect: () => transport.reconnect(),
    watch: (conversationId) => transport.watch(conversationId),
  };
}
