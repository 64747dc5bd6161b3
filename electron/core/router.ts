import { isRouteName, routes, type RouteName, type RouteOutput } from '../../shared/routes';
import type { Result } from '../../shared/schemas';
import type { z } from 'zod';
import { FerryError } from './app-error';
import { toStorageError } from './storage-error';
import type { Logger } from './logger';

type RouteInputParsed<R extends RouteName> = z.infer<(typeof routes)[R]['input']>;

export type Handlers = {
  [R in RouteName]: (input: RouteInputParsed<R>) => Promise<RouteOutput<R>> | RouteOutput<R>;
};

export interface Router {
  dispatch(route: unknown, input: unknown): Promise<Result<unknown>>;
}

/**
 * The single entry point for UI requests, shared by both hosts. Hosts check who is calling
 * (frame URL, token) before they get here; the router validates input, runs the handler and turns
 * any failure into a structured error that carries no stack trace and no secret.
 */
export function createRouter(handlers: Handlers, logger: Logger): Router {
  return {
    async dispatch(route, input) {
      if (!isRouteName(route)) {
        return { ok: false, error: { code: 'unknown_route', message: `Unknown route: ${String(route).slice(0, 100)}` } };
      }
      const parsed = routes[route].input.safeParse(input ?? {});
      if (!parsed.success) {
        return {
          ok: false,
          error: {
            code: 'invalid_input',
            message: `Invalid input for ${route}`,
            details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
          },
        };
      }
      try {
        const handler = handlers[route] as (input: unknown) => Promise<unknown> | unknown;
        return { ok: true, data: await handler(parsed.data) };
      } catch (err) {
        if (err instanceof FerryError) return { ok: false, error: err.toJSON() };
        // A write no service expected to fail (a full disk, a read-only folder) still says what it is.
        const storage = toStorageError(err, 'data');
        if (storage) {
          logger.warn(`route ${route}: ${storage.message}`);
          return { ok: false, error: storage.toJSON() };
        }
        logger.error(`route ${route} failed`, err);
        return { ok: false, error: { code: 'internal', message: 'Internal error' } };
      }
    },
  };
}
