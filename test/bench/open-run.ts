/** Opening the 2,000-message conversation: first paint, heap, longest task, DOM size. */
import { byScript, endTrace, heapMB, mainThreadTasks, profileSelfTimes, rendererMain, selfTimes, startTrace, type CpuProfile, type TopCost } from './cdp';
import { bringToTop, newPage, sleep, type World } from './world';

export interface OpenSample {
  firstPaintMs: number;
  heapBeforeMB: number;
  heapMB: number;
  articles: number;
  domNodes: number;
  longestTaskMs: number;
  top?: TopCost[];
  /** Traced runs: the page's main thread busy between the click and the frame (ms), whatever the load. */
  busyMs?: number;
  /** Traced runs: the main thread's tasks between click and frame (ms from the click) and what each spent most on. */
  tasks?: { atMs: number; ms: number; top: TopCost[]; functions?: TopCost[] }[];
}

/** The part of a CPU profile sampled in [start, end] (trace clock, µs). */
function samplesWithin(cpu: CpuProfile & { startTime?: number }, start: number, end: number): CpuProfile {
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  let at = cpu.startTime ?? 0;
  const all = cpu.samples ?? [];
  for (let i = 0; i < all.length; i++) {
    at += cpu.timeDeltas?.[i] ?? 0;
    const next = cpu.timeDeltas?.[i + 1] ?? 0;
    if (at >= start && at <= end) {
      samples.push(all[i]!);
      timeDeltas.push(next);
    }
  }
  // profileSelfTimes charges each sample the delta that follows it.
  return { nodes: cpu.nodes, samples, timeDeltas: [0, ...timeDeltas] };
}

export async function openOnce(world: World, id: string, trace: boolean, profile = false): Promise<OpenSample> {
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
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await link.click();
    const r = (await page.evaluate(() =>
      Promise.race([
        (window as unknown as { __open: Promise<unknown> }).__open,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error(`no messages painted 30 s after the click (${document.querySelectorAll('article').length} articles, hash ${location.hash})`)), 30_000),
        ),
      ]),
    )) as { firstPaintMs: number; articles: number; domNodes: number };
    let cpu: (CpuProfile & { startTime?: number }) | undefined;
    const byFunction = (url: string, fn: string, at: string) => `${fn || `(anonymous ${at})`} ${byScript(url)}`;
    if (profile) {
      cpu = ((await cdp.send('Profiler.stop')) as { profile: CpuProfile & { startTime?: number } }).profile;
    }
    let top: TopCost[] | undefined;
    let busyMs: number | undefined;
    let tasks: OpenSample['tasks'];
    if (trace) {
      await sleep(200);
      const events = await endTrace(cdp);
      const main = rendererMain(events, 'bench-open');
      top = selfTimes(events, main.pid, main.tid, main.start, main.end);
      const spans = mainThreadTasks(events, main.pid, main.tid, main.start, main.end);
      busyMs = spans.reduce((a, t) => a + t.e - t.s, 0) / 1000;
      tasks = spans.map((t) => ({
        atMs: (t.s - main.start) / 1000,
        ms: (t.e - t.s) / 1000,
        top: selfTimes(events, main.pid, main.tid, t.s, t.e).slice(0, 4),
        // Profile samples carry the trace's clock (µs): the JavaScript of this task alone (traced and profiled runs).
        ...(cpu ? { functions: profileSelfTimes(samplesWithin(cpu, t.s, t.e), byFunction, Number(process.env.OPEN_TASK_FUNCTIONS ?? 8)) } : {}),
      }));
    }
    // Let it settle (the list scrolls to the end, late effects run), then measure the heap.
    await sleep(1500);
    const longestTaskMs = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
    const articlesLater = await page.evaluate(() => document.querySelectorAll('[role="log"] article').length);
    const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    const heap = await heapMB(cdp);
    return { ...r, articles: Math.max(r.articles, articlesLater), domNodes, heapBeforeMB, heapMB: heap, longestTaskMs, ...(top ? { top, busyMs, tasks } : {}) };
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
