/** Ctrl-C, `kill`, a closed terminal, and a logoff (which sends SIGHUP, then SIGTERM). */
export const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type ShutdownSignal = (typeof SHUTDOWN_SIGNALS)[number];

/**
 * `when-exit` (behind conf's and electron-store's atomic writes) hooks the same signals, cleans up
 * its temp files and sends the signal again to this process, once. That echo is sent before our own
 * listener has even run, but it is dispatched on a later turn of the event loop: on a loaded machine,
 * after a busy start of the shutdown, that can be hundreds of milliseconds later. So the window is
 * generous, and only one repeat counts as the echo; a person pressing Ctrl-C twice within it has the
 * bounded shutdown anyway, and a third press ends the process at once.
 */
export const SIGNAL_ECHO_MS = 2_000;

/** What a signal means for a host that is, or is not yet, stopping. */
export type SignalMeaning = 'first' | 'echo' | 'again';

/**
 * Tells the first shutdown signal, the echo of it, and a real second signal apart. An echo must
 * not count as "again": both hosts end at once on a second signal, and an echo taken for one would
 * cut the orderly stop short every time.
 */
export function createSignalSorter(echoMs = SIGNAL_ECHO_MS, now: () => number = Date.now): (signal: ShutdownSignal) => SignalMeaning {
  let first: { signal: ShutdownSignal; at: number } | null = null;
  let echoed = false;
  return (signal) => {
    if (!first) {
      first = { signal, at: now() };
      return 'first';
    }
    if (!echoed && signal === first.signal && now() - first.at < echoMs) {
      echoed = true;
      return 'echo';
    }
    return 'again';
  };
}
