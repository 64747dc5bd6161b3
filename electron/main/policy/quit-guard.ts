/** What the core's shutdown tells the host about how the process may end (see Core.shutdown). */
export interface StopReport {
  /** A keychain thread is stuck inside a system call: a normal quit would wait for it for ever. */
  keychainThreadStuck: boolean;
}

/** How shutting down ended: finished (with the core's report), failed, or cut off by the time limit. */
export type ShutdownOutcome = { kind: 'done'; report?: StopReport } | { kind: 'failed'; error: unknown } | { kind: 'timeout' };

/** Runs `task` but gives up waiting after `limitMs`: a hung step must not keep the app from quitting. */
export async function withTimeLimit(task: () => Promise<StopReport | void>, limitMs: number): Promise<ShutdownOutcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<ShutdownOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timeout' }), limitMs);
  });
  const run = (async (): Promise<ShutdownOutcome> => {
    try {
      const report = await task();
      return report ? { kind: 'done', report } : { kind: 'done' };
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

/**
 * How the process ends once shutdown is over. Electron's quit (and `process.exit`, which Electron
 * maps to `app.exit`) tears Node down, which joins every worker thread: a keychain thread stuck in a
 * D-Bus call would keep the process alive, window gone, single-instance lock held. Then the process
 * must be killed — everything is written by now. When shutdown did not report (timed out, failed),
 * `stuck()` says whether a thread is stuck right now.
 */
export function endingAfter(outcome: ShutdownOutcome, stuck: () => boolean): 'quit' | 'kill' {
  const stuckThread = outcome.kind === 'done' && outcome.report ? outcome.report.keychainThreadStuck : stuck();
  return stuckThread ? 'kill' : 'quit';
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
  shutdown: () => Promise<StopReport | void>;
  limitMs: number;
  quit: () => void;
  /** Ends the process at once, waiting on nothing (see `endingAfter`). Without it, always `quit`. */
  kill?: () => void;
  /** Whether a keychain thread is stuck now, for an outcome without a report. */
  stuck?: () => boolean;
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
        // The next statement, never a timer: once Electron starts quitting it stops running Node's loop.
        if (options.kill && endingAfter(outcome, options.stuck ?? (() => false)) === 'kill') options.kill();
        else options.quit();
      });
    },
  };
}
