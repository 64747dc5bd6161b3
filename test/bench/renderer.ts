/**
 * Renderer benchmarks in Chromium through the browser host (`dist-electron/web.cjs`, the built
 * `dist/renderer`): first paint and JS heap of the 2,000-message conversation, and a ~20,000-token
 * Markdown answer streamed by the fixture at ~500 tokens/s (main-thread busy share, longest task,
 * chunk-to-paint latency). Used by run.ts; see "How the renderer is measured" in BENCHMARKS.md.
 */
import { ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'libsql';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from '../fixture';
import { startKeyringSession } from '../harness/keyring-session';
import { startHostProcess, type HostProcess } from '../e2e/support/web-host-process';
import { streamAnswer } from './stream-answer';

export interface RendererBenchOptions {
  /** A history made by generate.ts; its folder becomes the host's data folder. */
  dbFile: string;
  longConversationId: string;
  openRuns: number;
  streamRuns: number;
  tokensPerSecond: number;
  /** One extra traced run of each scenario for the "where the time goes" breakdown. */
  analysis: boolean;
  log: (line: string) => void;
}

export interface Stat {
  median: number;
  values: number[];
}
export interface RendererResults {
  open: {
    firstPaintMs: Stat;
    coldFirstPaintMs: number;
    heapMB: Stat;
    heapBeforeMB: Stat;
    articles: Stat;
    domNodes: Stat;
    longestTaskMs: Stat;
  };
  stream: {
    busy: Stat;
    busyMetrics: Stat;
    /** One run without the latency probes (NaN if it failed). */
    busyNoProbes: number;
    longestTaskMs: Stat;
    maxFrameGapMs: Stat;
    p50: Stat;
    p95: Stat;
    max: Stat;
    seconds: Stat;
    tokensPerSecond: Stat;
    markersSeen: Stat;
    busyByTenth: number[][];
    clock: { offsetMs: number; uncertaintyMs: number; driftMs: number }[];
  };
  answer: { chars: number; tokens: number; markers: number };
  analysis?: { open: TopCost[]; stream: TopCost[]; streamJs: TopCost[]; streamSeconds: number; openMs: number };
  chromium: string;
}
export interface TopCost {
  name: string;
  selfMs: number;
}

const CHROMIUM = process.env.FERRY_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--enable-precise-memory-info',
  // A hidden/occluded headless page must not be throttled while we measure it.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

export const median = (xs: number[]) => quantile(xs, 0.5);
export function quantile(xs: number[], q: number): number {
  const s = [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}
const stat = (values: number[]): Stat => ({ median: median(values), values });
const nodeNow = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Node ↔ page clock offset (page − node, ms), NTP style: the round trip with the smallest RTT wins. */
async function clockOffset(page: Page): Promise<{ offsetMs: number; uncertaintyMs: number }> {
  let best = { offsetMs: 0, uncertaintyMs: Infinity };
  for (let i = 0; i < 25; i++) {
    const t1 = nodeNow();
    const p = await page.evaluate(() => performance.timeOrigin + performance.now());
    const t2 = nodeNow();
    if ((t2 - t1) / 2 < best.uncertaintyMs) best = { offsetMs: p - (t1 + t2) / 2, uncertaintyMs: (t2 - t1) / 2 };
  }
  return best;
}

async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

async function taskDuration(cdp: CDPSession): Promise<{ task: number; at: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (n: string) => metrics.find((m) => m.name === n)?.value ?? NaN;
  return { task: get('TaskDuration'), at: get('Timestamp') };
}

// ---------------------------------------------------------------- tracing

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

async function startTrace(cdp: CDPSession, categories: string[]) {
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: categories, recordMode: 'recordAsMuchAsPossible' } });
}

async function endTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
  await cdp.send('Tracing.end');
  const handle = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

/** The page's renderer main thread: the CrRendererMain thread that recorded our user-timing marks. */
function rendererMain(events: TraceEvent[], mark: string): { pid: number; tid: number; start: number; end: number } {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  const marks = events.filter((e) => e.cat.includes('blink.user_timing') && (e.name === `${mark}-start` || e.name === `${mark}-end`));
  const start = marks.find((e) => e.name === `${mark}-start`);
  const end = marks.find((e) => e.name === `${mark}-end`);
  if (!start || !end) throw new Error(`trace has no ${mark} marks`);
  const { pid } = start;
  let { tid } = start;
  if (names.get(`${pid}:${tid}`) !== 'CrRendererMain') {
    const main = [...names].find(([k, v]) => v === 'CrRendererMain' && k.startsWith(`${pid}:`));
    if (main) tid = Number(main[0].split(':')[1]);
  }
  return { pid, tid, start: start.ts, end: end.ts };
}

/** Top-level tasks (merged, so nested RunTask events are not counted twice) inside [start, end]. */
function mainThreadTasks(events: TraceEvent[], pid: number, tid: number, start: number, end: number) {
  const tasks = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined && e.cat.includes('toplevel'))
    .map((e) => ({ s: Math.max(e.ts, start), e: Math.min(e.ts + e.dur!, end) }))
    .filter((t) => t.e > t.s)
    .sort((a, b) => a.s - b.s);
  const merged: { s: number; e: number }[] = [];
  for (const t of tasks) {
    const last = merged.at(-1);
    if (last && t.s <= last.e) last.e = Math.max(last.e, t.e);
    else merged.push({ ...t });
  }
  return merged;
}

/** Self time by event name on one thread (devtools.timeline events nest: self = dur − children). */
function selfTimes(events: TraceEvent[], pid: number, tid: number, start: number, end: number): TopCost[] {
  const xs = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined && e.ts >= start && e.ts <= end)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: { end: number; name: string; child: number; dur: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length && stack.at(-1)!.end <= upTo) {
      const top = stack.pop()!;
      self.set(top.name, (self.get(top.name) ?? 0) + top.dur - top.child);
    }
  };
  for (const e of xs) {
    close(e.ts);
    const parent = stack.at(-1);
    if (parent) parent.child += e.dur!;
    stack.push({ end: e.ts + e.dur!, name: e.name, child: 0, dur: e.dur! });
  }
  close(Infinity);
  return [...self]
    .map(([name, us]) => ({ name, selfMs: us / 1000 }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, 14);
}

// ---------------------------------------------------------------- scenarios

interface World {
  /** Rejects when the host process exits before we stop it. */
  hostExited: Promise<never>;
  browser: Browser;
  host: HostProcess;
  fixture: FixtureServer;
  stop(): Promise<void>;
}

async function newPage(world: World) {
  const context = await world.browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
  // tsx (esbuild keepNames) wraps named functions in page.evaluate callbacks with __name(): define it.
  await context.addInitScript('globalThis.__name = (f) => f;');
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  await page.goto(world.host.url);
  await page.getByRole('navigation', { name: 'Conversations' }).waitFor({ timeout: 30_000 });
  return { context, page, cdp };
}

interface OpenSample {
  firstPaintMs: number;
  heapBeforeMB: number;
  heapMB: number;
  articles: number;
  domNodes: number;
  longestTaskMs: number;
}

async function openOnce(world: World, id: string, trace: boolean): Promise<OpenSample & { top?: TopCost[] }> {
  const { context, page, cdp } = await newPage(world);
  try {
    const link = page.locator(`nav a[href="#/c/${encodeURIComponent(id)}"]`).first();
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
    )) as {
      firstPaintMs: number;
      articles: number;
      domNodes: number;
    };
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

/** Records when a response write carrying a marker left the fixture (Node clock, ms since epoch). */
function watchFixtureSends(sent: Map<string, number>) {
  const original = ServerResponse.prototype.write;
  ServerResponse.prototype.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    if (typeof chunk === 'string' && chunk.includes('mk')) {
      const t = nodeNow();
      for (const m of chunk.matchAll(/mk\d{4}/g)) if (!sent.has(m[0])) sent.set(m[0], t);
    }
    return (original as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof original;
  return () => {
    ServerResponse.prototype.write = original;
  };
}

async function setUpConnection(world: World) {
  const { context, page } = await newPage(world);
  try {
    const setup = page.getByRole('button', { name: 'Set up a connection' });
    if (await setup.isVisible()) await setup.click();
    else await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings', exact: true });
    await dialog.waitFor();
    await dialog.getByLabel('Name', { exact: true }).fill('Bench fixture');
    await dialog.getByLabel('Base URL', { exact: true }).fill(world.fixture.url);
    await dialog.getByLabel('API key', { exact: true }).fill('sk-bench-0000');
    await dialog.getByLabel('Model', { exact: true }).fill('fixture-model');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.getByText(/0000/).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  } finally {
    await context.close();
  }
}

interface StreamSample {
  busy: number;
  busyMetrics: number;
  longestTaskMs: number;
  maxFrameGapMs: number;
  latencies: number[];
  seconds: number;
  tokensPerSecond: number;
  markersSeen: number;
  busyByTenth: number[];
  clock: { offsetMs: number; uncertaintyMs: number; driftMs: number };
  top?: TopCost[];
  jsByScript?: TopCost[];
}

/** CPU profile self time by script (bundle chunk) and by the profiler's pseudo-nodes (GC, program). */
function profileByScript(profile: { nodes: { id: number; callFrame: { url: string; functionName: string } }[]; samples?: number[]; timeDeltas?: number[] }): TopCost[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]!);
    if (!node) continue;
    const { url, functionName } = node.callFrame;
    const key = url ? url.replace(/^.*\//, '').replace(/\?.*$/, '') : `(${(functionName || 'native').replace(/^\((.*)\)$/, '$1')})`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0));
  }
  return [...self].map(([name, us]) => ({ name, selfMs: us / 1000 })).sort((a, b) => b.selfMs - a.selfMs).slice(0, 10);
}

/**
 * One streamed answer. `probes: false` leaves out the latency probes (marker observer, rAF loop) and
 * watches only the answer's data-status attribute: the busy share without any measuring code of ours.
 */
async function streamOnce(world: World, run: number, tokens: number, analysis: boolean, sent: Map<string, number>, probes = true): Promise<StreamSample> {
  const { context, page, cdp } = await newPage(world);
  try {
    // A new chat: the boot screen of a page without #/c/<id> is the empty composer.
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.waitFor({ timeout: 15_000 });
    await composer.fill(`Benchmark stream ${run}: write the long walkthrough`);
    const before = await clockOffset(page);
    await page.evaluate((probes) => {
      type Probe = { seen: Map<string, number>; frames: number[]; raf: number[]; done: number | null; longest: number; stop: boolean };
      const p: Probe = { seen: new Map(), frames: [], raf: [], done: null, longest: 0, stop: false };
      (window as unknown as { __probe: Probe }).__probe = p;
      const re = /mk\d{4}/g;
      const scan = (text: string | null, t: number) => {
        if (!text || !text.includes('mk')) return;
        for (const m of text.matchAll(re)) if (!p.seen.has(m[0])) p.seen.set(m[0], t);
      };
      new MutationObserver((records) => {
        const t = performance.timeOrigin + performance.now();
        for (const r of records) {
          if (r.type === 'characterData') scan((r.target as Text).data, t);
          else if (r.type === 'childList') for (const n of r.addedNodes) scan(n.textContent, t);
          else if (r.type === 'attributes' && p.done === null) {
            const el = r.target as Element;
            if (el.getAttribute('data-role') === 'assistant' && el.getAttribute('data-status') === 'done') {
              p.done = t;
              performance.mark('bench-stream-end');
            }
          }
        }
      }).observe(document.body, { subtree: true, childList: probes, characterData: probes, attributes: true, attributeFilter: ['data-status'] });
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) p.longest = Math.max(p.longest, e.duration);
      }).observe({ type: 'longtask' });
      // Continuous frame clock: for each frame, the time right after it was produced.
      const frame = (ts: number) => {
        if (p.stop || !probes) return;
        p.raf.push(ts);
        const ch = new MessageChannel();
        ch.port1.onmessage = () => p.frames.push(performance.timeOrigin + performance.now());
        ch.port2.postMessage(0);
        requestAnimationFrame(frame);
      };
      if (probes) requestAnimationFrame(frame);
    }, probes);
    await startTrace(cdp, analysis ? ['toplevel', 'devtools.timeline', 'blink.user_timing', '__metadata'] : ['toplevel', 'blink.user_timing', '__metadata']);
    if (analysis) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
      await cdp.send('Profiler.start');
    }
    const m0 = await taskDuration(cdp);
    const t0 = nodeNow();
    await page.evaluate(() => performance.mark('bench-stream-start'));
    await composer.press('Enter');
    // Fail fast (instead of waiting out the timeout) if the host goes away mid-stream.
    await Promise.race([
      page.waitForFunction(() => (window as unknown as { __probe: { done: number | null } }).__probe.done !== null, undefined, {
        timeout: Math.max(120_000, (tokens / 100) * 1000),
        polling: 250,
      }),
      world.hostExited,
    ]);
    const m1 = await taskDuration(cdp);
    const probe = await page.evaluate(() => {
      const p = (window as unknown as { __probe: { seen: Map<string, number>; frames: number[]; raf: number[]; done: number; longest: number; stop: boolean } }).__probe;
      p.stop = true;
      return { seen: [...p.seen], frames: p.frames, raf: p.raf, done: p.done, longest: p.longest };
    });
    const jsByScript = analysis ? profileByScript((await cdp.send('Profiler.stop')).profile) : undefined;
    const events = await endTrace(cdp);
    const after = await clockOffset(page);

    const main = rendererMain(events, 'bench-stream');
    const tasks = mainThreadTasks(events, main.pid, main.tid, main.start, main.end);
    const span = main.end - main.start;
    const busyUs = tasks.reduce((a, t) => a + (t.e - t.s), 0);
    const longestUs = tasks.reduce((a, t) => Math.max(a, t.e - t.s), 0);
    const tenths = Array.from({ length: 10 }, (_, i) => {
      const s = main.start + (span * i) / 10;
      const e = s + span / 10;
      return tasks.reduce((a, t) => a + Math.max(0, Math.min(t.e, e) - Math.max(t.s, s)), 0) / (span / 10);
    });

    // Chunk-to-paint: the first frame produced after the page first saw the marker in the DOM,
    // minus the fixture's write of that marker, on one clock (page time − offset = node time).
    const offset = (before.offsetMs + after.offsetMs) / 2;
    const latencies: number[] = [];
    let fi = 0;
    const seen = probe.seen.sort((a, b) => a[1] - b[1]);
    for (const [marker, at] of seen) {
      while (fi < probe.frames.length && probe.frames[fi]! <= at) fi++;
      const painted = probe.frames[fi];
      const s = sent.get(marker);
      if (painted === undefined || s === undefined) continue;
      latencies.push(painted - offset - s);
    }
    let maxGap = 0;
    for (let i = 1; i < probe.raf.length; i++) maxGap = Math.max(maxGap, probe.raf[i]! - probe.raf[i - 1]!);
    const seconds = (probe.done - offset - t0) / 1000;
    return {
      busy: busyUs / span,
      busyMetrics: (m1.task - m0.task) / (m1.at - m0.at),
      longestTaskMs: Math.max(longestUs / 1000, probe.longest),
      maxFrameGapMs: maxGap,
      latencies,
      seconds,
      tokensPerSecond: tokens / seconds,
      markersSeen: latencies.length,
      busyByTenth: tenths,
      clock: { offsetMs: offset, uncertaintyMs: Math.max(before.uncertaintyMs, after.uncertaintyMs), driftMs: after.offsetMs - before.offsetMs },
      ...(analysis ? { top: selfTimes(events, main.pid, main.tid, main.start, main.end), jsByScript } : {}),
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- entry

async function startWorld(dbFile: string): Promise<World> {
  const keyring = await startKeyringSession();
  const fixture = await startFixtureServer();
  let host: HostProcess | undefined;
  let browser: Browser | undefined;
  try {
    host = await startHostProcess(dirname(dbFile), {
      ...keyring.env,
      FERRY_KEYCHAIN_SERVICE: `ferry-bench-${process.pid}-${Date.now()}`,
      LANG: 'en_US.UTF-8',
      LC_ALL: '',
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  } catch (error) {
    await host?.stop();
    await fixture.close();
    await keyring.stop();
    throw error;
  }
  const h = host;
  const b = browser;
  let stopping = false;
  const hostExited = new Promise<never>((_, reject) =>
    h.child.once('exit', (code, signal) => {
      if (!stopping) reject(new Error(`the browser host exited (code ${code}, signal ${signal}) during the benchmark:\n${h.output().slice(-2000)}`));
    }),
  );
  hostExited.catch(() => {});
  return {
    hostExited,
    browser: b,
    host: h,
    fixture,
    async stop() {
      stopping = true;
      await b.close().catch(() => {});
      await h.stop();
      await fixture.close();
      await keyring.stop();
    },
  };
}

/** Puts the long conversation on top of the sidebar (newest), so a user can click it. */
function bringToTop(dbFile: string, id: string) {
  const db = new Database(dbFile);
  db.prepare('UPDATE conversations SET updated_at = (SELECT max(updated_at) + 1 FROM conversations) WHERE id = ?').run(id);
  db.close();
}

export async function runRendererBench(o: RendererBenchOptions): Promise<RendererResults> {
  bringToTop(o.dbFile, o.longConversationId);
  const answer = streamAnswer();
  const world = await startWorld(o.dbFile);
  try {
    const chromiumVersion = world.browser.version();
    // ---- open the 2,000-message conversation
    const opens: OpenSample[] = [];
    let cold = NaN;
    for (let i = 0; i <= o.openRuns; i++) {
      const s = await openOnce(world, o.longConversationId, false);
      o.log(`  open #${i}${i === 0 ? ' (warm-up)' : ''}: first paint ${s.firstPaintMs.toFixed(0)} ms, heap ${s.heapMB.toFixed(1)} MB, ${s.articles} articles, ${s.domNodes} DOM nodes, longest task ${s.longestTaskMs.toFixed(0)} ms`);
      if (i === 0) cold = s.firstPaintMs;
      else opens.push(s);
    }
    // ---- streaming
    await setUpConnection(world);
    world.fixture.configure({ text: answer.text, repeat: 1, chunkDelayMs: Math.max(1, Math.round(1000 / o.tokensPerSecond)), firstByteDelayMs: 0 });
    const streams: StreamSample[] = [];
    const sentPerRun = new Map<string, number>();
    for (let i = 0; i < o.streamRuns; i++) {
      sentPerRun.clear();
      const restore = watchFixtureSends(sentPerRun);
      try {
        const s = await streamOnce(world, i, answer.tokens, false, sentPerRun);
        streams.push(s);
        o.log(
          `  stream #${i + 1}: ${s.seconds.toFixed(1)} s (${s.tokensPerSecond.toFixed(0)} tok/s), busy ${(s.busy * 100).toFixed(1)} % (metrics ${(s.busyMetrics * 100).toFixed(1)} %), ` +
            `longest task ${s.longestTaskMs.toFixed(0)} ms, chunk-to-paint p50 ${median(s.latencies).toFixed(0)} / p95 ${quantile(s.latencies, 0.95).toFixed(0)} ms ` +
            `(${s.markersSeen}/${answer.markers.length} markers; clock ±${s.clock.uncertaintyMs.toFixed(2)} ms), busy by tenth ${s.busyByTenth.map((b) => (b * 100).toFixed(0)).join(' ')}`,
        );
      } finally {
        restore();
      }
    }
    // The same stream without our latency probes: how much of the busy share is the measuring itself.
    let busyNoProbes = NaN;
    try {
      const s = await streamOnce(world, 50, answer.tokens, false, sentPerRun, false);
      busyNoProbes = s.busy;
      o.log(`  stream without probes: busy ${(s.busy * 100).toFixed(1)} % (metrics ${(s.busyMetrics * 100).toFixed(1)} %), longest task ${s.longestTaskMs.toFixed(0)} ms`);
    } catch (error) {
      o.log(`  stream without probes failed: ${String(error)}`);
    }
    let analysis: RendererResults['analysis'];
    if (o.analysis) {
      o.log('  analysis: one traced open and one traced stream (devtools.timeline) …');
      try {
        const open = await openOnce(world, o.longConversationId, true);
        const restore = watchFixtureSends(sentPerRun);
        try {
          const st = await streamOnce(world, 99, answer.tokens, true, sentPerRun);
          analysis = { open: open.top ?? [], stream: st.top ?? [], streamJs: st.jsByScript ?? [], streamSeconds: st.seconds, openMs: open.firstPaintMs };
        } finally {
          restore();
        }
      } catch (error) {
        o.log(`  analysis failed (figures above are unaffected): ${String(error)}`);
      }
    }
    const lat = (f: (xs: number[]) => number) => stat(streams.map((s) => f(s.latencies)));
    return {
      chromium: chromiumVersion,
      answer: { chars: answer.text.length, tokens: answer.tokens, markers: answer.markers.length },
      open: {
        firstPaintMs: stat(opens.map((s) => s.firstPaintMs)),
        coldFirstPaintMs: cold,
        heapMB: stat(opens.map((s) => s.heapMB)),
        heapBeforeMB: stat(opens.map((s) => s.heapBeforeMB)),
        articles: stat(opens.map((s) => s.articles)),
        domNodes: stat(opens.map((s) => s.domNodes)),
        longestTaskMs: stat(opens.map((s) => s.longestTaskMs)),
      },
      stream: {
        busy: stat(streams.map((s) => s.busy)),
        busyMetrics: stat(streams.map((s) => s.busyMetrics)),
        busyNoProbes,
        longestTaskMs: stat(streams.map((s) => s.longestTaskMs)),
        maxFrameGapMs: stat(streams.map((s) => s.maxFrameGapMs)),
        p50: lat(median),
        p95: lat((xs) => quantile(xs, 0.95)),
        max: lat((xs) => Math.max(...xs)),
        seconds: stat(streams.map((s) => s.seconds)),
        tokensPerSecond: stat(streams.map((s) => s.tokensPerSecond)),
        markersSeen: stat(streams.map((s) => s.markersSeen)),
        busyByTenth: streams.map((s) => s.busyByTenth),
        clock: streams.map((s) => s.clock),
      },
      ...(analysis ? { analysis } : {}),
    };
  } finally {
    await world.stop();
  }
}
