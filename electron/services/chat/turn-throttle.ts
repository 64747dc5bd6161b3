/**
 * Runs `run` at most once every `intervalMs` for something that changes often (a streaming answer).
 * A change that comes when the interval is over runs it at once, in the caller's turn of the event
 * loop; a timer runs it only when no such change follows. A steady stream (changes every few ms,
 * from upstream reads) thus wakes the host for no timer at all: on the browser host a wake-up cost
 * about as much as the work it was woken for.
 *
 * The timer waits the interval plus as long as the change it covers came after the last run (at
 * most another interval): when a stream's changes come every `gap` ms, the change that is due then
 * always arrives first, so a timer never races the stream. A change right after a run is covered
 * within the interval, any change within twice the interval.
 * `leading`: the first change runs at once (else the interval starts when the throttle is made).
 */
export function createTurnThrottle(run: () => void, intervalMs: number, options: { leading: boolean; now?: () => number }) {
  const now = options.now ?? Date.now;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = options.leading ? -Infinity : now();

  const cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  const runNow = (at: number) => {
    cancel();
    last = at;
    run();
  };

  return {
    /** Something changed. */
    touch() {
      const at = now();
      if (at - last >= intervalMs) runNow(at);
      else if (!timer) timer = setTimeout(() => runNow(now()), intervalMs + Math.min(at - last, intervalMs));
    },
    /** What is waiting is dropped (the caller has a final run of its own). */
    cancel,
  };
}
