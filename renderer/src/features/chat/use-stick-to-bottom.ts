import { useCallback, useEffect, useRef, useState } from 'react';

/** How close to the bottom still counts as "following" the answer. */
const THRESHOLD_PX = 48;

/**
 * Keeps a scroll container pinned to the bottom while its content grows, until the user scrolls
 * up; scrolling back down re-pins it. Growth is observed with a ResizeObserver, so it works no
 * matter which part of the content grew (a streaming block, a code block, an error card, a
 * virtual row measured taller than its estimate).
 */
export function useStickToBottom() {
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const stuck = useRef(true);
  const [atBottom, setAtBottom] = useState(true);

  const scrollToBottom = useCallback(() => {
    stuck.current = true;
    setAtBottom(true);
    const el = scroller.current;
    if (el) el.scrollTo({ top: el.scrollHeight });
  }, []);

  /** Stops following the bottom (a jump to an older message); scrolling back down re-pins. */
  const unstick = useCallback(() => {
    stuck.current = false;
    setAtBottom(false);
  }, []);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    // Content growing moves the end away from the view, never the view up: only a scroll up (the
    // scrollbar, the keyboard, a jump) stops following. Judging by the distance alone lost the answer
    // whenever it grew more than THRESHOLD_PX between a follow and its scroll event (a fast stream,
    // a block rendered in full), and the view stayed behind with the button showing. A row above
    // measured smaller moves the view up by as much as the end (the virtualizer keeps what is in
    // view in place): that is not the user leaving the end either.
    let lastTop = el.scrollTop;
    let lastHeight = el.scrollHeight;
    const onScroll = () => {
      const top = el.scrollTop;
      const height = el.scrollHeight;
      const near = height - top - el.clientHeight <= THRESHOLD_PX;
      if (near) stuck.current = true;
      else if (top < lastTop && height - top > lastHeight - lastTop + 1) stuck.current = false;
      lastTop = top;
      lastHeight = height;
      setAtBottom(stuck.current);
    };
    // Wheel and touch say "the user wants to read above" before the scroll event lands, which
    // would otherwise race with the next growth and snap them back down.
    const onWheel = (e: WheelEvent) => {
      if (e.deltaY < 0) stuck.current = false;
    };
    const onTouch = () => {
      stuck.current = false;
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    el.addEventListener('wheel', onWheel, { passive: true });
    el.addEventListener('touchmove', onTouch, { passive: true });
    return () => {
      el.removeEventListener('scroll', onScroll);
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('touchmove', onTouch);
    };
  }, []);

  useEffect(() => {
    const el = scroller.current;
    const inner = content.current;
    if (!el || !inner || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (stuck.current) el.scrollTo({ top: el.scrollHeight });
    });
    observer.observe(inner);
    return () => observer.disconnect();
  }, []);

  return { scroller, content, atBottom, scrollToBottom, unstick, stuck };
}
