/**
 * One streamed answer measured in the page: main-thread busy share and longest task (CDP trace),
 * chunk-to-paint latency of every marker, the last character's latency, when the answer settled
 * (finished, final render committed, every code block highlighted), the heap per quarter of the
 * stream, and the browser host's own CPU time for the answer.
 */
import {
  busyOf,
  byScript,
  endTrace,
  heapMB,
  mainThreadTasks,
  markTime,
  median,
  profileSelfTimes,
  quantile,
  rendererMain,
  selfTimes,
  startTrace,
  taskDuration,
  type CpuProfile,
  type TopCost,
  type TraceEvent,
} from './cdp';
import type { BenchAnswer } from './stream-answer';
import { bringToTop, clockOffset, newPage, nodeNow, processCpuMs, untilQuiet, watchFixtureSends, type World } from './world';

export interface StreamSpec {
  answer: BenchAnswer;
  chunks: string[];
  /** Pause between content frames (steady pacing). */
  delayMs: number;
}

export interface StreamOptions {
  /** Answer in this existing conversation (opened from the sidebar); null: a new chat. */
  conversationId: string | null;
  /** Marker observer and continuous frame clock (latencies); without them only busy share and settling. */
  probes: boolean;
  /** Heap after GC at each quarter of the stream and once settled (GC pauses: a run of its own). */
  heap: boolean;
  /** `devtools.timeline` + CPU profile for the "where the time goes" breakdown. */
  analysis: boolean;
  /** Runs right before Enter and once the answer settled (e.g. a profiler of the host). */
  around?: { start(): Promise<unknown>; stop(): Promise<unknown> };
  /** Give up waiting for the answer to settle after this long (default: 4× the stream, at least 2 min). */
  timeoutMs?: number;
  /**
   * Leave the mouse over the answer while it streams. Without it the page has never seen the mouse
   * (the conversation is opened by its address, the message typed): where the browser knows a mouse
   * position, every layout change costs it a hit test and a hover update in the next frame.
   */
  pointer?: boolean;
  /** Scroll up by wheel two seconds into the stream, so the answer grows below the view (what following costs). */
  readAbove?: boolean;
  /** Extra trace categories, and a look at the trace's events (probes/stream-frames.ts counts frames in it). */
  /** Runs in the page right before tracing starts (e.g. a warm-up the run should not count). */
  beforeEnter?(page: import('playwright-core').Page): Promise<void>;
  trace?: { categories: string[]; inspect(events: TraceEvent[], main: { pid: number; tid: number; start: number; end: number }): void };
}

export interface StreamSample {
  busy: number;
  busyMetrics: number;
  longestTaskMs: number;
  /** Longest task from the start until the answer settled (includes the final render). */
  longestUntilSettledMs: number;
  tasksOver50: number;
  maxFrameGapMs: number;
  latencies: number[];
  /** The final marker (the answer's last characters): painted − written by the fixture. */
  lastCharMs: number;
  /** From the upstream's end ([DONE] written) to the first frame showing the settled answer. */
  settleMs: number;
  seconds: number;
  charsPerSecond: number;
  markersSeen: number;
  busyByTenth: number[];
  heapMB: number[];
  hostCpuMs: number;
  /** Samples (every 250 ms while streaming) with the "Scroll to latest" button shown, of all samples; the distance to the end once settled. */
  following: { lostSamples: number; samples: number; endGapPx: number };
  clock: { offsetMs: number; uncertaintyMs: number; driftMs: number };
  top?: TopCost[];
  jsByScript?: TopCost[];
  jsByFunction?: TopCost[];
}

interface Probe {
  seen: [string, number][];
  frames: number[];
  raf: number[];
  done: number;
  settled: number;
  longest: number;
  following: { lostSamples: number; samples: number; endGapPx: number };
}

/** Installs the page-side probes; the answer's end and settling are always watched. */
async function installProbes(page: import('playwright-core').Page, probes: boolean) {
  await page.evaluate((probes) => {
    type F = { lostSamples: number; samples: number; endGapPx: number };
    type P = { seen: Map<string, number>; frames: number[]; raf: number[]; done: number | null; settled: number | null; longest: number; stop: boolean; following: F };
    const p: P = { seen: new Map(), frames: [], raf: [], done: null, settled: null, longest: 0, stop: false, following: { lostSamples: 0, samples: 0, endGapPx: NaN } };
    (window as unknown as { __probe: P }).__probe = p;
    const re = /mk\d{4}/g;
    const scan = (text: string | null, t: number) => {
      if (!text || !text.includes('mk')) return;
      for (const m of text.matchAll(re)) if (!p.seen.has(m[0])) p.seen.set(m[0], t);
    };
    let answer: Element | null = null;
    // Settled: finished, no streaming layout left, nothing waiting for a render, every code block highlighted.
    const settled = () =>
      !!answer &&
      !answer.querySelector('.md-streaming, [data-md-pending]') &&
      [...answer.querySelectorAll('.code-block code[class*="language-"]')].every((c) => c.classList.contains('hljs') || (c.textContent ?? '').length > 100_000);
    const now = () => performance.timeOrigin + performance.now();
    const afterFrame = (cb: (t: number) => void) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => cb(now());
      ch.port2.postMessage(0);
    };
    // Whether the view followed the answer: a figure from a view left behind (not scrolling, not
    // painting the growing end) is cheaper and says nothing about following an answer.
    const sampler = setInterval(() => {
      if (p.done !== null) return clearInterval(sampler);
      p.following.samples++;
      if (document.querySelector('.scroll-latest')) p.following.lostSamples++;
    }, 250);
    const endGap = () => {
      const el = document.querySelector('.message-scroller');
      return el ? el.scrollHeight - el.scrollTop - el.clientHeight : NaN;
    };
    const watchSettling = () => {
      if (p.settled !== null) return;
      if (settled()) afterFrame((t) => ((p.settled = t), (p.following.endGapPx = endGap())));
      else requestAnimationFrame(watchSettling);
    };
    new MutationObserver((records) => {
      const t = now();
      for (const r of records) {
        if (r.type === 'characterData') scan((r.target as Text).data, t);
        else if (r.type === 'childList') for (const n of r.addedNodes) scan(n.textContent, t);
        else if (r.type === 'attributes' && p.done === null) {
          const el = r.target as Element;
          if (el.getAttribute('data-role') === 'assistant' && r.oldValue === 'streaming' && el.getAttribute('data-status') !== 'streaming') {
            p.done = t;
            answer = el;
            performance.mark('bench-stream-end');
            requestAnimationFrame(watchSettling);
          }
        }
      }
    }).observe(document.body, { subtree: true, childList: probes, characterData: probes, attributes: true, attributeOldValue: true, attributeFilter: ['data-status'] });
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) p.longest = Math.max(p.longest, e.duration);
    }).observe({ type: 'longtask' });
    // Continuous frame clock: for each frame, the time right after it was produced.
    const frame = (ts: number) => {
      if (p.stop) return;
      p.raf.push(ts);
      afterFrame((t) => p.frames.push(t));
      requestAnimationFrame(frame);
    };
    if (probes) requestAnimationFrame(frame);
  }, probes);
}

export async function streamOnce(world: World, spec: StreamSpec, o: StreamOptions, label: string): Promise<StreamSample> {
  // Newest in the sidebar, so it is on screen to click, however many copies were made.
  if (o.conversationId) bringToTop(world.dbFile, o.conversationId);
  const { context, page, cdp } = await newPage(world, o.conversationId ? `#/c/${encodeURIComponent(o.conversationId)}` : '');
  const sends = watchFixtureSends();
  try {
    if (o.pointer) await page.mouse.move(640, 430);
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.waitFor({ timeout: 15_000 });
    await composer.fill(`Benchmark stream ${label}: write the long walkthrough`);
    world.fixture.configure({ text: spec.answer.text, chunks: spec.chunks, steady: true, chunkDelayMs: spec.delayMs, repeat: 1, firstByteDelayMs: 0 });
    const before = await clockOffset(page);
    await installProbes(page, o.probes);
    await o.beforeEnter?.(page);

    const heaps: Promise<number>[] = [];
    if (o.heap) {
      const marks = [0.25, 0.5, 0.75].map((q) => Math.round(spec.chunks.length * q));
      let chain: Promise<unknown> = Promise.resolve();
      sends.log.onFrame = (n) => {
        if (!marks.includes(n)) return;
        const measured = chain.then(() => heapMB(cdp));
        chain = measured.catch(() => {});
        heaps.push(measured);
      };
    }
    const categories = o.analysis ? ['toplevel', 'devtools.timeline', 'blink.user_timing', '__metadata'] : ['toplevel', 'blink.user_timing', '__metadata'];
    await startTrace(cdp, [...new Set([...categories, ...(o.trace?.categories ?? [])])]);
    if (o.analysis) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
      await cdp.send('Profiler.start');
    }
    await untilQuiet(world.host.child.pid!);
    await o.around?.start();
    const m0 = await taskDuration(cdp);
    const cpu0 = processCpuMs(world.host.child.pid!);
    const t0 = nodeNow();
    await page.evaluate(() => performance.mark('bench-stream-start'));
    await composer.press('Enter');
    if (o.readAbove) {
      await page.waitForTimeout(2_000);
      const box = await page.locator('.message-scroller').boundingBox();
      if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, -2_000);
    }
    const expectedMs = spec.chunks.length * spec.delayMs;
    await Promise.race([
      page.waitForFunction(() => (window as unknown as { __probe: { settled: number | null } }).__probe.settled !== null, undefined, {
        timeout: o.timeoutMs ?? Math.max(120_000, expectedMs * 4),
        polling: 250,
      }),
      world.hostExited,
    ]);
    const cpu1 = processCpuMs(world.host.child.pid!);
    const m1 = await taskDuration(cdp);
    await o.around?.stop();
    const probe = await page.evaluate(() => {
      const p = (window as unknown as { __probe: Probe & { seen: Map<string, number>; stop: boolean } }).__probe;
      p.stop = true;
      performance.mark('bench-settled-end');
      return { seen: [...p.seen], frames: p.frames, raf: p.raf, done: p.done, settled: p.settled, longest: p.longest, following: p.following } satisfies Probe;
    });
    if (o.heap) heaps.push(heapMB(cdp));
    const heap = await Promise.all(heaps);
    const profile = o.analysis ? ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile : undefined;
    const jsByScript = profile ? profileSelfTimes(profile, byScript) : undefined;
    const jsByFunction = profile ? profileSelfTimes(profile, (url, fn, at) => `${fn || `(anonymous ${at})`} (${byScript(url)})`, Number(process.env.FRAMES_TOP_JS ?? 25)) : undefined;
    const events = await endTrace(cdp);
    const after = await clockOffset(page);

    const main = rendererMain(events, 'bench-stream');
    o.trace?.inspect(events, main);
    const whole = busyOf(mainThreadTasks(events, main.pid, main.tid, main.start, main.end), main.start, main.end);
    const settledMark = markTime(events, 'bench-settled-end') ?? main.end;
    const untilSettled = busyOf(mainThreadTasks(events, main.pid, main.tid, main.start, settledMark), main.start, settledMark);

    // Chunk-to-paint: the first frame produced after the page first saw the marker in the DOM,
    // minus the fixture's write of that marker, on one clock (page time − offset = node time).
    const offset = (before.offsetMs + after.offsetMs) / 2;
    const latency = new Map<string, number>();
    let fi = 0;
    for (const [marker, at] of probe.seen.sort((a, b) => a[1] - b[1])) {
      while (fi < probe.frames.length && probe.frames[fi]! <= at) fi++;
      const painted = probe.frames[fi];
      const s = sends.log.markers.get(marker);
      if (painted !== undefined && s !== undefined) latency.set(marker, painted - offset - s);
    }
    let maxGap = 0;
    for (let i = 1; i < probe.raf.length; i++) maxGap = Math.max(maxGap, probe.raf[i]! - probe.raf[i - 1]!);
    const upstreamEnd = sends.log.ends[0] ?? NaN;
    const seconds = (upstreamEnd - t0) / 1000;
    return {
      busy: whole.busy,
      busyMetrics: (m1.task - m0.task) / (m1.at - m0.at),
      longestTaskMs: whole.longestMs,
      longestUntilSettledMs: Math.max(untilSettled.longestMs, probe.longest),
      tasksOver50: whole.tasksOver50,
      maxFrameGapMs: maxGap,
      latencies: [...latency.values()],
      lastCharMs: latency.get(spec.answer.markers.at(-1)!) ?? NaN,
      settleMs: probe.settled - offset - upstreamEnd,
      seconds,
      charsPerSecond: spec.answer.text.length / seconds,
      markersSeen: latency.size,
      busyByTenth: whole.tenths,
      heapMB: heap,
      hostCpuMs: cpu1 - cpu0,
      following: probe.following,
      clock: { offsetMs: offset, uncertaintyMs: Math.max(before.uncertaintyMs, after.uncertaintyMs), driftMs: after.offsetMs - before.offsetMs },
      ...(o.analysis ? { top: selfTimes(events, main.pid, main.tid, main.start, main.end), jsByScript, jsByFunction } : {}),
    };
  } finally {
    sends.restore();
    await context.close();
  }
}

export function describeSample(s: StreamSample): string {
  const lat = s.latencies.length ? `c2p p50 ${median(s.latencies).toFixed(0)} / p95 ${quantile(s.latencies, 0.95).toFixed(0)} ms, last char ${s.lastCharMs.toFixed(0)} ms, ` : '';
  return (
    `${s.seconds.toFixed(1)} s (${(s.charsPerSecond / 4).toFixed(0)} tok/s), busy ${(s.busy * 100).toFixed(1)} % (metrics ${(s.busyMetrics * 100).toFixed(1)} %), ` +
    `longest task ${s.longestTaskMs.toFixed(0)} ms (until settled ${s.longestUntilSettledMs.toFixed(0)} ms, ${s.tasksOver50} ≥ 50 ms), ${lat}` +
    `settled ${s.settleMs.toFixed(0)} ms after the upstream, host CPU ${s.hostCpuMs.toFixed(0)} ms, ` +
    `followed ${s.following.samples - s.following.lostSamples}/${s.following.samples} samples (end ${s.following.endGapPx.toFixed(0)} px away)` +
    (s.heapMB.length ? `, heap ${s.heapMB.map((h) => h.toFixed(1)).join(' / ')} MB` : '') +
    `, busy by tenth ${s.busyByTenth.map((b) => (b * 100).toFixed(0)).join(' ')}`
  );
}
