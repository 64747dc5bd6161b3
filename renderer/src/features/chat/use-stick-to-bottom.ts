import { useCallback, useEffect, useRef, useState } from 'react';
import { INTENT_MS, judgeScroll, isScrollingKey, SETTLING_MS } from './follow-rule';

/**
 * Keeps a scroll container pinned to the bottom while its content grows, until the user scrolls
 * up; scrolling back down re-pins it. Growth is observed with a ResizeObserver, so it works no
 * matter which part of the content grew (a streaming block, a code block, an error card, a
 * virtual row measured taller than its estimate). What counts as leaving the end is follow-rule.ts.
 */
export function useStickToBottom() {
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const stuck = useRef(true);
  const [atBottom, setAtBottom] = useState(true);
  /** When the content last changed size (see follow-rule.ts's `contentChanging`). */
  const resizedAt = useRef(-Infinity);

  const scrollToBottom = useCallback(() => {
    stuck.current = true;
    setAtBottom(true);
    const el = scroller.current;
    if (el) el.scrollTo({ top: el.scrollHeight });
  }, []);

  /**
   * The content just grew (and its new size is in the DOM): while following, keep the end in view
   * now. The ResizeObserver below would do it too, but a frame late when the growth reaches the
   * content's box only through a deeper observer's callback (the virtual list sets its height in
   * its own ResizeObserver), so the new line would be painted below the view first.
   */
  const follow = useCallback(() => {
    resizedAt.current = performance.now();
    const el = scroller.current;
    if (stuck.current && el) el.scrollTo({ top: el.scrollHeight });
  }, []);

  /** Stops following the bottom (a jump to an older message); scrolling back down re-pins. */
  const unstick = useCallback(() => {
    stuck.current = false;
    setAtBottom(false);
  }, []);

  useEffect(() => {
    const el = scroller.current;
    const inner = content.current;
    if (!el || !inner) return;
    let lastTop = el.scrollTop;
    let lastHeight = el.scrollHeight;
    // When the user last reached for an input that scrolls, and when the content last changed size:
    // what tells their scroll from the layout's (follow-rule.ts).
    let inputAt = -Infinity;
    let pointerHeld = false;
    const touched = () => {
      inputAt = performance.now();
    };
    const onScroll = () => {
      const now = performance.now();
      const sample = { top: el.scrollTop, height: el.scrollHeight, client: el.clientHeight };
      const verdict = judgeScroll({ top: lastTop, height: lastHeight, client: sample.client }, sample, {
        stuck: stuck.current,
        userActive: pointerHeld || now - inputAt < INTENT_MS,
        contentChanging: now - resizedAt.current < SETTLING_MS,
      });
      stuck.current = verdict.stuck;
      if (verdict.refollow) el.scrollTo({ top: el.scrollHeight });
      lastTop = el.scrollTop;
      lastHeight = el.scrollHeight;
      setAtBottom(stuck.current);
    };
    // Wheel and touch say "the user wants to read above" before the scroll event lands, which
    // would otherwise race with the next growth and snap them back down.
    const onWheel = (e: WheelEvent) => {
      touched();
      if (e.deltaY < 0) stuck.current = false;
    };
    const onTouch = () => {
      touched();
      stuck.current = false;
    };
    // A scrollbar drag, a click on its track, a selection dragged past the edge: the pointer is down.
    const onPointerDown = () => {
      touched();
      pointerHeld = true;
    };
    const onPointerUp = () => {
      if (pointerHeld) touched();
      pointerHeld = false;
    };
    // The keyboard scrolls the list last clicked even while focus is elsewhere: listen on the window.
    const onKey = (e: KeyboardEvent) => {
      if (isScrollingKey(e.key, e.target)) touched();
    };
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            resizedAt.current = performance.now();
            if (stuck.current) el.scrollTo({ top: el.scrollHeight });
          });
    observer?.observe(inner);
    el.addEventListener('scroll', onScroll, { passive: true });
    el.addEventListener('wheel', onWheel, { passive: true });
    el.addEventListener('touchmove', onTouch, { passive: true });
    el.addEventListener('pointerdown', onPointerDown, { passive: true });
    window.addEventListener('pointerup', onPointerUp, { passive: true });
    window.addEventListener('pointercancel', onPointerUp, { passive: true });
    window.addEventListener('keydown', onKey, { passive: true });
    return () => {
      observer?.disconnect();
      el.removeEventListener('scroll', onScroll);
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('touchmove', onTouch);
      el.removeEventListener('pointerdown', onPointerDown);
      window.removeEventListener('pointerup', onPointerUp);
      window.removeEventListener('pointercancel', onPointerUp);
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  return { scroller, content, atBottom, scrollToBottom, follow, unstick, stuck };
}
