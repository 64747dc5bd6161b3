import { useEffect } from 'react';
import type { FindMatch } from './find-matches';

const ALL = 'ferry-find';
const CURRENT = 'ferry-find-current';
/** Where a message's visible text is; buttons, labels and the reasoning toggle are not searched. */
const TEXT_ROOTS = '.bubble, .markdown';

function rangesIn(root: Element, needle: string): Range[] {
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('button, [aria-hidden="true"]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.nodeValue ?? '').toLocaleLowerCase();
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      ranges.push(range);
    }
  }
  return ranges;
}

/**
 * Paints the matches in the rendered rows with the CSS Custom Highlight API: nothing is added to
 * the DOM (React, the Markdown renderer and the virtualizer own it), and rows scrolled into view
 * are painted as they render. The current match gets its own colour and is scrolled into view.
 */
export function useFindHighlights(query: string, current: FindMatch | null, active: boolean): void {
  useEffect(() => {
    const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
    const log = document.querySelector('.message-log');
    const needle = query.trim().toLocaleLowerCase();
    if (!registry || !log || !active || !needle) return;
    let scrolledTo: string | null = null;
    let frame = 0;
    const paint = () => {
      frame = 0;
      const all: Range[] = [];
      let currentRange: Range | null = null;
      for (const article of log.querySelectorAll<HTMLElement>('article[data-message-id]')) {
        const ranges = [...article.querySelectorAll(TEXT_ROOTS)].flatMap((root) => rangesIn(root, needle));
        all.push(...ranges);
        if (current && article.dataset.messageId === current.messageId) currentRange = ranges[current.occurrence] ?? ranges.at(-1) ?? null;
      }
      registry.set(ALL, new Highlight(...all));
      registry.set(CURRENT, currentRange ? new Highlight(currentRange) : new Highlight());
      const key = current ? `${current.messageId}:${current.occurrence}` : null;
      if (currentRange && key !== scrolledTo) {
        scrolledTo = key;
        currentRange.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      }
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(paint);
    };
    paint();
    const observer = new MutationObserver(schedule);
    observer.observe(log, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      registry.delete(ALL);
      registry.delete(CURRENT);
    };
  }, [query, current, active]);
}
