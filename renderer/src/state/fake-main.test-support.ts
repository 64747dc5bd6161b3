import type { AnyEvent, EventName, EventPayload } from '../../../shared/events';
import type { RouteInput, RouteName, RouteOutput } from '../../../shared/routes';
import { createApiClient, type ApiClient } from '../api/client';
import type { Transport } from '../api/transport';

/** Delivers an event to the renderer's subscribers, as main pushing it over the bridge does. */
export type Emit = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/**
 * How the fake answers each route a test expects the renderer to call; a route left out, or an
 * answer that throws, fails the call. An answer gets `emit` so that events can overtake the reply,
 * as they do over the real bridge.
 */
export type FakeRoutes = { [R in RouteName]?: (input: RouteInput<R>, emit: Emit) => RouteOutput<R> | Promise<RouteOutput<R>> };

export interface FakeMain {
  api: ApiClient;
  emit: Emit;
  /** The routes the renderer called, in order (a failed call counts too). */
  calls: RouteName[];
  /** What the page said it shows, in order (Transport.watch). */
  watches: (string | null)[];
}

type AnyAnswer = (input: unknown, emit: Emit) => unknown;

/**
 * A fake main behind the real `ApiClient`: only the transport is fake (answers from `routes`, events
 * from `emit`, a bridge that stays open), so the store sees the client's own event fan-out and errors.
 */
export function fakeMain(routes: FakeRoutes): FakeMain {
  const listeners = new Set<(event: AnyEvent) => void>();
  const calls: RouteName[] = [];
  const watches: (string | null)[] = [];
  const emit: Emit = (name, payload) => listeners.forEach((l) => l({ name, payload } as AnyEvent));
  const transport: Transport = {
    async invoke(route, input) {
      calls.push(route as RouteName);
      const answer = routes[route as RouteName] as AnyAnswer | undefined;
      if (!answer) throw new Error(`unexpected ${route}`);
      return { ok: true, data: await answer(input, emit) };
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getState: () => 'open',
    onStateChange: () => () => {},
    reconnect: () => {},
    watch: (conversationId) => watches.push(conversationId),
  };
  return { api: createApiClient(transport), emit, calls, watches };
}
