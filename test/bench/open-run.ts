/** Opening the 2,000-message conversation: first paint, heap, longest task, DOM size. */
import { endTrace, heapMB, rendererMain, selfTimes, startTrace, type TopCost } from './cdp';
import { bringToTop, newPage, sleep, type World } from './world';

export interface OpenSample {
  firstPaintMs: number;
  heapBeforeMB: number;
  heapMB: number;
  articles: number;
  domNodes: number;
  longestTaskMs: number;
  top?: TopCost[];
}

export async function openOnce(world: World, id: string, trace: boolean): Promise<OpenSample> {
  bringToTop(world.dbFile, id);
  const { context, page, cdp } = await newPage(world);
  try {
    const link = page.locator(`nav [role="option"][data-conversation-id="${id}"]`).first();
    await link.waitFor({ timeout: 30_000 });
    await sleep(300);
    const heapBeforeMB = await heapMB(cdp);
    await page.evaluate(() => {
      const w = window as unknown as { __open: Promise<unknown>; __longest: number };
      w.__longest = 0;
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
      }).observe({ type: 'longtask' });
      w.__open = new Promise((resolve) => {
        let t0 = NaN;
        // The input event's own timestamp (same clock as performance.now()). Only recorded here:
        // the frame is found by the observer below.
        document.addEventListener('click', (event) => void ((t0 = event.timeStamp), performance.mark('bench-open-start')), { capture: true, once: true });
        let armed = false;
        const observer = new MutationObserver(() => {
          if (armed || Number.isNaN(t0)) return;
          const n = document.querySelectorAll('[role="log"] article').length;
          if (n === 0) return;
          armed = true;
          observer.disconnect();
          // The messages are in the DOM; the next frame shows them. rAF runs before that frame's
          // style/layout/paint; a message posted from it runs right after the frame was produced.
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => {
              performance.mark('bench-open-end');
              resolve({ firstPaintMs: performance.now() - t0, articles: n, domNodes: document.getElementsByTagName('*').length });
            };
            ch.port2.postMessage(0);
          });
        });
        observer.observe(document.body, { childList: true, subtree: true });
      });
    });
    if (trace) await startTrace(cdp, ['toplevel', 'devtools.timeline', 'blink.user_timing', 'v8', '__metadata']);
    await link.click();
    const r = (await page.evaluate(() =>
      Promise.race([
        (window as unknown as { __open: Promise<unknown> }).__open,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error(`no messages painted 30 s after the click (${document.querySelectorAll('article').length} articles, hash ${location.hash})`)), 30_000),
        ),
      ]),
    )) as { firstPaintMs: number; articles: number; domNodes: number };
    let top: TopCost[] | undefined;
    if (trace) {
      await sleep(200);
      const events = await endTrace(cdp);
      const main = rendererMain(events, 'bench-open');
      top = selfTimes(events, main.pid, main.tid, main.start, main.end);
    }
    // Let it settle (the list scrolls to the end, late effects run), then measure the heap.
    await sleep(1500);
    const longestTaskMs = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
    const articlesLater = await page.evaluate(() => document.querySelectorAll('[role="log"] article').length);
    const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    const heap = await heapMB(cdp);
    return { ...r, articles: Math.max(r.articles, articlesLater), domNodes, heapBeforeMB, heapMB: heap, longestTaskMs, ...(top ? { top } : {}) };
  } finally {
    await context.close();
  }
}

/**
 * Switching from one long conversation to another: `from` is open (by its address), the user
 * clicks `to` in the sidebar; measured from the click to the first frame showing `to`'s messages.
 */
export async function switchOnce(world: World, from: string, to: string): Promise<{ switchMs: number; longestTaskMs: number }> {
  bringToTop(world.dbFile, to);
  const { context, page } = await newPage(world, `#/c/${encodeURIComponent(from)}`);
  try {
    const link = page.locator(`nav [role="option"][data-conversation-id="${to}"]`).first();
    await link.waitFor({ timeout: 30_000 });
    await sleep(500);
    await page.evaluate(() => {
      const w = window as unknown as { __switch: Promise<number>; __longest: number };
      w.__longest = 0;
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
      }).observe({ type: 'longtask' });
      const before = new Set([...document.querySelectorAll('[role="log"] article')].map((a) => a.getAttribute('data-message-id')));
      w.__switch = new Promise((resolve) => {
        let t0 = NaN;
        document.addEventListener('click', (event) => void (t0 = event.timeStamp), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          if (Number.isNaN(t0)) return;
          const articles = [...document.querySelectorAll('[role="log"] article')];
          if (!articles.length || articles.some((a) => before.has(a.getAttribute('data-message-id')))) return;
          observer.disconnect();
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => resolve(performance.now() - t0);
            ch.port2.postMessage(0);
          });
        });
        observer.observe(document.body, { childList: true, subtree: true });
      });
    });
    await link.click();
    const switchMs = await page.evaluate(() => (window as unknown as { __switch: Promise<number> }).__switch);
    await sleep(1000);
    const longestTaskMs = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
    return { switchMs, longestTaskMs };
  } finally {
    await context.close();
  }
}
