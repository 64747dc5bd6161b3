import { useCallback, useMemo, useRef } from 'react';
import type { KeyboardEvent } from 'react';

/** Safari sends the keydown that commits a candidate *after* compositionend, within a few ms. */
const AFTER_COMPOSITION_MS = 100;

/**
 * Tells whether a keydown belongs to an input method (Chinese, Japanese, Korean IMEs): the Enter
 * that picks a candidate must never send the message. Browsers disagree on the signals, so all
 * of them are checked: `isComposing`, keyCode 229, our own composition tracking, and the keydown
 * Safari fires right after compositionend.
 */
export function useImeGuard() {
  const composing = useRef(false);
  const endedAt = useRef(Number.NEGATIVE_INFINITY);

  const isImeKey = useCallback((e: KeyboardEvent) => {
    const native = e.nativeEvent;
    if (composing.current || native.isComposing || native.keyCode === 229 || e.keyCode === 229) return true;
    if (performance.now() - endedAt.current < AFTER_COMPOSITION_MS) {
      // Only the first keydown after the composition is swallowed.
      endedAt.current = Number.NEGATIVE_INFINITY;
      return true;
    }
    return false;
  }, []);

  const handlers = useMemo(
    () => ({
      onCompositionStart: () => {
        composing.current = true;
      },
      onCompositionEnd: () => {
        composing.current = false;
        endedAt.current = performance.now();
      },
      // Chrome's order is keydown → compositionend → keyup: the keyup ends the grace period, so a
      // quick second Enter still sends.
      onKeyUp: () => {
        endedAt.current = Number.NEGATIVE_INFINITY;
      },
    }),
    [],
  );

  return { isImeKey, handlers };
}
