/** Ctrl-C, `kill`, a closed terminal, and a logoff (which sends SIGHUP, then SIGTERM). */
export const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type ShutdownSignal = (typeof SHUTDOWN_SIGNALS)[number];

/**
 * `when-exit` (behind conf's and electron-store's atomic writes) hooks the same signals, cleans up
 * its temp files and sends the signal again to this process, once, from inside the first signal's
 * dispatch, before our own listener has even run. libuv reads signals from a pipe once per poll
 * phase, so the echo is dispatched in the loop's next poll phase: on a loaded machine, after a busy
 * start of the shutdown that blocks the loop, that can be seconds later. So a repeat is the echo if
 * it comes before the loop has turned twice since the first (whenever that is), or within
 * SIGNAL_ECHO_MS; only one repeat counts as the echo. A person pressing Ctrl-C twice in that time has
 * the bounded shutdown anyway, and a third press ends the process at once.
 */
export const SIGNAL_ECHO_MS = 2_000;

/** What a signal means for a host that is, or is not yet, stopping. */
export type SignalMeaning = 'first' | 'echo' | 'again';

/** Calls `fn` once the event loop has been through two more poll phases (check phase after each). */
export function afterTwoLoopTurns(fn: () => void): void {
  setImmediate(() => setImmediate(fn));
}

/**
 * Tells the first shutdown signal, the echo of it, and a real second signal apart. An echo must
 * not count as "again": both hosts end at once on a second signal, and an echo taken for one would
 * cut the orderly stop short every time.
 */
export function createSignalSorter(
  echoMs = SIGNAL_ECHO_MS,
  now: () => number = Date.now,
  afterLoopTurns: (fn: () => void) => void = afterTwoLoopTurns,
): (signal: ShutdownSignal) => SignalMeaning {
  let first: { signal: ShutdownSignal; at: number } | null = null;
  let echoed = false;
  let loopTurned = false;
  return (signal) => {
    if (!first) {
      first = { signal, at: now() };
      afterLoopTurns(() => (loopTurned = true));
      return 'first';
    }
    if (!echoed && signal === first.signal && (!loopTurned || now() - first.at < echoMs)) {
      echoed = true;
      return 'echo';
    }
    return 'again';
  };
}
