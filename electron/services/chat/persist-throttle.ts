/**
 * Writes a streaming message's text at most every `intervalMs`, with a trailing write, so a
 * crash loses at most that window while a fast stream does not turn into a write per token.
 * A write that throws never escapes the timer (it would end the process): it goes to `onError`,
 * and the next `touch()` tries again.
 */
export function createPersistThrottle(write: () => void, intervalMs: number, onError: (error: unknown) => void = () => {}) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    /** Something changed: make sure a write happens within `intervalMs`. */
    touch() {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        try {
          write();
        } catch (error) {
          onError(error);
        }
      }, intervalMs);
    },
    /** The final write supersedes any pending one. */
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
