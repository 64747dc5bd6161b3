/** How close to the bottom still counts as "following" the answer. */
export const THRESHOLD_PX = 48;

/** How long after a wheel, key, touch or pointer press a scroll still counts as the user's. */
export const INTENT_MS = 1000;

/** How long after the content last changed size a scroll may still be the layout's doing. */
export const SETTLING_MS = 1000;

/** Where the view was when a scroll event came. */
export interface ScrollSample {
  top: number;
  height: number;
  client: number;
}

export interface ScrollContext {
  /** Following the end before this scroll. */
  stuck: boolean;
  /** The user pressed, wheeled, touched or typed a navigation key moments ago, or holds a pointer down on the list. */
  userActive: boolean;
  /** The content changed size moments ago (a streaming answer grows on every update). */
  contentChanging: boolean;
}

export interface ScrollVerdict {
  stuck: boolean;
  /** Put the view back at the end: the layout, not the user, moved it away. */
  refollow: boolean;
}

/**
 * Decides what a scroll event means for following the end of the list.
 *
 * Content growing moves the end away from the view, never the view up, so only a scroll up can stop
 * following. Not every scroll up is the user's, though: when the content shrinks for a moment (a new
 * block of an answer laid out once at its placeholder size before its real one), the browser clamps
 * the view to the shorter end, and the scroll event comes after the content has grown back. Judged by
 * position alone that reads as "the user scrolled up", and the view stayed behind with nobody touching
 * it. So while the content is changing, a scroll up without the user's hand on any input is undone.
 */
export function judgeScroll(previous: ScrollSample, now: ScrollSample, context: ScrollContext): ScrollVerdict {
  const gap = now.height - now.top - now.client;
  if (gap <= THRESHOLD_PX) return { stuck: true, refollow: false };
  const movedUp = now.top < previous.top;
  // A row above measured smaller moves the view up by as much as the end (the virtualizer keeps what
  // is in view in place): that is not the user leaving the end either.
  const endFurther = now.height - now.top > previous.height - previous.top + 1;
  if (!movedUp || !endFurther) return { stuck: context.stuck, refollow: false };
  if (context.stuck && !context.userActive && context.contentChanging) return { stuck: true, refollow: true };
  return { stuck: false, refollow: false };
}

/** Keys that scroll the list, or move focus (and with it the view) within it. */
const NAVIGATION_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ', 'Tab']);

/** Whether a key press may scroll the list: a navigation key outside a text field (typing in the composer scrolls nothing). */
export function isScrollingKey(key: string, target: EventTarget | null): boolean {
  if (!NAVIGATION_KEYS.has(key)) return false;
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return true;
  return !el.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])');
}
