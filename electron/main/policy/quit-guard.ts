/** How shutting down ended: finished, failed, or cut off by the time limit. */
export type ShutdownOutcome = { kind: 'done' } | { kind: 'failed'; error: unknown } | { kind: 'timeout' };

/** Runs `task` but gives up waiting after `limitMs`: a hung step must not keep the app from quitting. */
export async function withTimeLimit(task: () => Promise<void>, limitMs: number): Promise<ShutdownOutcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<ShutdownOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timeout' }), limitMs);
  });
  const run = (async (): Promise<ShutdownOutcome> => {
    try {
      await task();
      return { kind: 'done' };
    } catch (error) {
      return { kind: 'failed', error };
    }
  })();
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface QuitGuard {
  /**
   * For `before-quit` (and the OS shutting down): the first call holds the quit, writes what is
   * streaming, then quits for real; calls while that runs are held too; after it, quitting goes through.
   */
  onQuitRequested(event: { preventDefault(): void }): void;
  /** Resolves once shutdown has ended (for the OS session ending, where nothing can be held). */
  readonly finished: Promise<ShutdownOutcome>;
}

export function createQuitGuard(options: {
  shutdown: () => Promise<void>;
  limitMs: number;
  quit: () => void;
  report?: (outcome: ShutdownOutcome, elapsedMs: number) => void;
}): QuitGuard {
  let state: 'running' | 'stopping' | 'stopped' = 'running';
  let settle!: (outcome: ShutdownOutcome) => void;
  const finished = new Promise<ShutdownOutcome>((resolve) => (settle = resolve));
  return {
    finished,
    onQuitRequested(event) {
      if (state === 'stopped') return;
      event.preventDefault();
      if (state === 'stopping') return;
      state = 'stopping';
      const started = Date.now();
      void withTimeLimit(options.shutdown, options.limitMs).then((outcome) => {
        state = 'stopped';
        options.report?.(outcome, Date.now() - started);
        settle(outcome);
        options.quit();
      });
    },
  };
}
