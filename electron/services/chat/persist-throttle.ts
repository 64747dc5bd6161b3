import { createTurnThrottle } from './turn-throttle';

/**
 * Writes a streaming message's text at most every `intervalMs`, with a trailing write, so a
 * crash loses at most that window while a fast stream does not turn into a write per token.
 * A write that throws never escapes (from a timer it would end the process): it goes to `onError`,
 * and the next `touch()` after the interval tries again.
 */
export function createPersistThrottle(write: () => void, intervalMs: number, onError: (error: unknown) => void = () => {}) {
  const throttle = createTurnThrottle(
    () => {
      try {
        write();
      } catch (error) {
        onError(error);
      }
    },
    intervalMs,
    { leading: false },
  );
  return {
    /** Something changed: make sure a write happens within `intervalMs`. */
    touch: throttle.touch,
    /** The final write supersedes any pending one. */
    cancel: throttle.cancel,
  };
}
