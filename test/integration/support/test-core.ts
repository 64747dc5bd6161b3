import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RouteInput, RouteName, RouteOutput } from '../../../shared/routes';
import type { AnyEvent } from '../../../shared/events';
import type { Message } from '../../../shared/schemas';
import { createCore, type Core, type CoreOptions } from '../../../electron/core/create-core';
import { createLogger } from '../../../electron/core/logger';
import { createConfBackend } from '../../../electron/services/settings/conf-backend';
import { streamedMessage } from './streamed-text';

export interface TestCore {
  core: Core;
  dataDir: string;
  keychainService: string;
  events: AnyEvent[];
  logLines: string[];
  /** Calls a route and unwraps the result, failing the test on `{ok:false}`. */
  call<R extends RouteName>(route: R, input: RouteInput<R>): Promise<RouteOutput<R>>;
  /** Resolves with the first event matching `pred` (already received or future). */
  waitForEvent(pred: (e: AnyEvent) => boolean, timeoutMs?: number): Promise<AnyEvent>;
  /**
   * Resolves with the message once it stops streaming, as a client that took every event shows it
   * (a stream's text rebuilt from its deltas); `after`: ignore updates up to that `updatedAt`.
   */
  finished(messageId: string, after?: number): Promise<Message>;
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

/** A real core over a temp data folder, a real SQLite file and its own keychain service name. */
export async function startTestCore(dataDir = mkdtempSync(join(tmpdir(), 'ferry-core-')), extra: Partial<CoreOptions> = {}): Promise<TestCore> {
  const keychainService = `ferry-test-${process.pid}-${Date.now()}`;
  const events: AnyEvent[] = [];
  const logLines: string[] = [];
  const waiters = new Set<{ pred: (e: AnyEvent) => boolean; resolve: (e: AnyEvent) => void }>();
  const logger = createLogger((l) => logLines.push(l));

  const make = () => {
    const core = createCore({
      host: 'web',
      version: 'test',
      dataDir,
      prefsBackend: createConfBackend(dataDir, 'config', logger),
      locale: 'en-US',
      keychainService,
      logger,
      ...extra,
    });
    core.events.subscribe((e) => {
      events.push(e);
      for (const w of waiters) {
        if (!w.pred(e)) continue;
        waiters.delete(w);
        w.resolve(e);
      }
    });
    return core;
  };

  const t: TestCore = {
    core: make(),
    dataDir,
    keychainService,
    events,
    logLines,
    async call(route, input) {
      const result = await t.core.router.dispatch(route, input);
      if (!result.ok) throw new Error(`${route} failed: ${JSON.stringify(result.error)}`);
      return result.data as never;
    },
    waitForEvent(pred, timeoutMs = 10_000) {
      const seen = events.find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = { pred, resolve };
        waiters.add(waiter);
        setTimeout(() => {
          if (waiters.delete(waiter)) reject(new Error('event did not arrive in time'));
        }, timeoutMs);
      });
    },
    finished(messageId, after = 0) {
      return t
        .waitForEvent(
          (e) =>
            (e.name === 'chat.end' && e.payload.message.id === messageId && e.payload.message.updatedAt > after) ||
            (e.name === 'message.updated' && e.payload.id === messageId && e.payload.status !== 'streaming' && e.payload.updatedAt > after),
        )
        // A stream's end carries no text: the message is what its deltas built, checked against the end's lengths.
        .then((e) => (e.name === 'chat.end' ? streamedMessage(events, e.payload) : (e.payload as Message)));
    },
    async restart() {
      await t.core.shutdown();
      events.length = 0;
      t.core = make();
    },
    async dispose() {
      await t.core.shutdown().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}
