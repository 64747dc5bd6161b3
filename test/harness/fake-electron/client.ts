import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { DriverReply, DriverRequest } from './protocol';

export interface DriverState {
  calls: { api: string; args: unknown[]; afterReady: boolean }[];
  windows: { loaded: string[]; visible: boolean; minimized: boolean; focused: boolean; destroyed: boolean; webPreferences: Record<string, unknown>; hasWindowOpenHandler: boolean; sentEvents: number }[];
  ipcChannels: string[];
  protocols: string[];
  quitted: boolean;
  exitCode: number | null;
  errors: string[];
}

export interface MainUnderTest {
  send<T = unknown>(request: DriverRequest): Promise<T>;
  /** Stderr of the child: main's log lines. */
  log(): string;
  /** Sends a signal to the process main runs in, as `kill` or Ctrl-C would. */
  signal(signal: NodeJS.Signals): void;
  /** How the process ended, whenever it does. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  stop(): Promise<void>;
}

/** Forks the driver (a plain Node process) with `env`; the bundle is loaded by a `load` request. */
export async function startMainUnderTest(env: NodeJS.ProcessEnv): Promise<MainUnderTest> {
  const child: ChildProcess = fork(join(import.meta.dirname, 'driver.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 1;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  child.once('exit', (code) => {
    for (const p of pending.values()) p.reject(new Error(`driver exited (${code}); log:\n${stderr}`));
    pending.clear();
  });
  const started = new Promise<void>((resolve) => {
    child.on('message', (reply: DriverReply) => {
      if (reply.id === 0) return resolve();
      const waiter = pending.get(reply.id);
      if (!waiter) return;
      pending.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.value);
      else waiter.reject(new Error(reply.error));
    });
  });
  await started;
  return {
    send<T>(request: DriverRequest) {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, request });
      });
    },
    log: () => stderr,
    signal: (signal) => void child.kill(signal),
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
