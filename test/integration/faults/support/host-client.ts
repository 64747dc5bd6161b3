import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import WebSocket from 'ws';
import { hostNodeFlags } from '../../../../electron/web/host-node-flags';
import type { AnyEvent } from '../../../../shared/events';
import type { RouteInput, RouteName, RouteOutput } from '../../../../shared/routes';
import type { Result } from '../../../../shared/schemas';

const ROOT = resolve(import.meta.dirname, '..', '..', '..', '..');

export interface HostUnderTest extends BridgeClient {
  /** The address the host printed, token included. */
  url: string;
  child: ChildProcess;
  pid: number;
  output(): string;
  /** Sends a signal; resolves with how the process ended and how long that took. */
  signal(name: NodeJS.Signals): void;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** SIGKILL if still running; for cleanup. */
  kill(): Promise<void>;
}

export interface BridgeClient {
  /** Calls a route over the bridge, exactly as the page does; resolves with the raw result. */
  dispatch<R extends RouteName>(route: R, input: RouteInput<R>): Promise<Result<RouteOutput<R>>>;
  /** Like dispatch, failing on `{ ok: false }`. */
  call<R extends RouteName>(route: R, input: RouteInput<R>): Promise<RouteOutput<R>>;
  events: AnyEvent[];
  waitForEvent(pred: (e: AnyEvent) => boolean, timeoutMs?: number): Promise<AnyEvent>;
  close(): void;
}

/** Opens the token-guarded WebSocket bridge of a running browser host at `url` (the address it printed). */
export async function connectBridge(url: string): Promise<BridgeClient> {
  const page = new URL(url);
  const ws = new WebSocket(`ws://${page.host}/bridge?token=${page.searchParams.get('token')}`, { headers: { Origin: page.origin } });
  await new Promise<void>((ok, fail) => {
    ws.once('open', () => ok());
    ws.once('error', fail);
  });
  ws.on('error', () => {});

  const events: AnyEvent[] = [];
  const waiters = new Set<{ pred: (e: AnyEvent) => boolean; resolve: (e: AnyEvent) => void }>();
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let nextId = 1;
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as { type: 'result'; id: number; result: Result<unknown> } | { type: 'event'; event: AnyEvent };
    if (message.type === 'result') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
      return;
    }
    events.push(message.event);
    for (const w of waiters) {
      if (!w.pred(message.event)) continue;
      waiters.delete(w);
      w.resolve(message.event);
    }
  });

  const dispatch = <R extends RouteName>(route: R, input: RouteInput<R>) =>
    new Promise<Result<RouteOutput<R>>>((resolveResult, reject) => {
      const id = nextId++;
      pending.set(id, resolveResult as (r: Result<unknown>) => void);
      ws.send(JSON.stringify({ type: 'invoke', id, route, input }), (error) => error && reject(error));
    });

  return {
    dispatch,
    async call(route, input) {
      const result = await dispatch(route, input);
      if (!result.ok) throw new Error(`${route} failed: ${JSON.stringify(result.error)}`);
      return result.data;
    },
    events,
    waitForEvent(pred, timeoutMs = 10_000) {
      const seen = events.find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolveEvent, reject) => {
        const waiter = { pred, resolve: resolveEvent };
        waiters.add(waiter);
        setTimeout(() => {
          if (waiters.delete(waiter)) reject(new Error(`event did not arrive within ${timeoutMs} ms`));
        }, timeoutMs);
      });
    },
    close: () => ws.terminate(),
  };
}

/**
 * The built browser host (`dist-electron/web.cjs`, what `npm run web` runs) as a child process,
 * driven through its token-guarded WebSocket bridge like the page drives it. `wrap` runs it under
 * another program (e.g. `prlimit --nofile=…`).
 */
export async function startHost(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  options: { wrap?: string[]; nodeArgs?: string[] } = {},
): Promise<HostUnderTest> {
  const args = [...hostNodeFlags(ROOT), ...(options.nodeArgs ?? []), resolve(ROOT, 'dist-electron/web.cjs'), '--no-open', '--data-dir', dataDir];
  const [command, ...rest] = options.wrap ? [...options.wrap, process.execPath, ...args] : [process.execPath, ...args];
  const child = spawn(command!, rest, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((r) =>
    child.once('exit', (code, signal) => r({ code, signal, at: Date.now() })),
  );

  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${out}`)), 20_000);
    const onData = () => {
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      resolveUrl(match[1]!);
    };
    child.stdout!.on('data', onData);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${out}`));
    });
  });
  const bridge = await connectBridge(url);
  return {
    ...bridge,
    url,
    child,
    pid: child.pid!,
    output: () => out,
    signal: (name) => child.kill(name),
    exited,
    async kill() {
      bridge.close();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
