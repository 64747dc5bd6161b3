/** Chrome DevTools Protocol helpers of the renderer benchmark: traces, heap, task metrics, CPU profiles. */
import type { CDPSession } from 'playwright-core';

export interface Stat {
  median: number;
  values: number[];
}
export interface TopCost {
  name: string;
  selfMs: number;
}

export function quantile(xs: number[], q: number): number {
  const s = [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}
export const median = (xs: number[]) => quantile(xs, 0.5);
export const stat = (values: number[]): Stat => ({ median: median(values), values });

export async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

export async function taskDuration(cdp: CDPSession): Promise<{ task: number; at: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (n: string) => metrics.find((m) => m.name === n)?.value ?? NaN;
  return { task: get('TaskDuration'), at: get('Timestamp') };
}

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

export async function startTrace(cdp: CDPSession, categories: string[]) {
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: categories, recordMode: 'recordAsMuchAsPossible' } });
}

export async function endTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
  await cdp.send('Tracing.end');
  const handle = await done;
  const chunks: string[] = [];
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle, size: 1 << 20 });
    chunks.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data);
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  const parsed = JSON.parse(chunks.join('')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

/** The page's renderer main thread: the CrRendererMain thread that recorded our user-timing marks. */
export function rendererMain(events: TraceEvent[], mark: string): { pid: number; tid: number; start: number; end: number } {
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

/** Trace time (µs) of a user-timing mark. */
export function markTime(events: TraceEvent[], name: string): number | undefined {
  return events.find((e) => e.cat.includes('blink.user_timing') && e.name === name)?.ts;
}

/** Top-level tasks (merged, so nested RunTask events are not counted twice) inside [start, end]. */
export function mainThreadTasks(events: TraceEvent[], pid: number, tid: number, start: number, end: number) {
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

/** Busy share of [start, end] (and per tenth of it) and the longest task, from merged top-level tasks. */
export function busyOf(tasks: { s: number; e: number }[], start: number, end: number) {
  const span = end - start;
  const busyUs = tasks.reduce((a, t) => a + (t.e - t.s), 0);
  const longestUs = tasks.reduce((a, t) => Math.max(a, t.e - t.s), 0);
  const tenths = Array.from({ length: 10 }, (_, i) => {
    const s = start + (span * i) / 10;
    const e = s + span / 10;
    return tasks.reduce((a, t) => a + Math.max(0, Math.min(t.e, e) - Math.max(t.s, s)), 0) / (span / 10);
  });
  return { busy: busyUs / span, longestMs: longestUs / 1000, tenths, tasksOver50: tasks.filter((t) => t.e - t.s >= 50_000).length };
}

/** Self time by event name on one thread (devtools.timeline events nest: self = dur − children). */
export function selfTimes(events: TraceEvent[], pid: number, tid: number, start: number, end: number): TopCost[] {
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
    .slice(0, Number(process.env.FRAMES_TOP ?? 14));
}

export interface CpuProfile {
  nodes: { id: number; callFrame: { url: string; functionName: string; lineNumber?: number; columnNumber?: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * CPU profile self time grouped by `keyOf(url, functionName)` (e.g. by script, or by function);
 * the profiler's pseudo-nodes ((idle), (program), (garbage collector)) keep their names.
 */
export function profileSelfTimes(profile: CpuProfile, keyOf: (url: string, fn: string, at: string) => string, top = 10): TopCost[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]!);
    if (!node) continue;
    const { url, functionName, lineNumber, columnNumber } = node.callFrame;
    // Where the function starts (1-based line:column): tells apart the many anonymous ones.
    const at = `${(lineNumber ?? -1) + 1}:${(columnNumber ?? -1) + 1}`;
    const key = url ? keyOf(url, functionName, at) : `(${(functionName || 'native').replace(/^\((.*)\)$/, '$1')})`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0));
  }
  return [...self].map(([name, us]) => ({ name, selfMs: us / 1000 })).sort((a, b) => b.selfMs - a.selfMs).slice(0, top);
}

/** By built chunk: which bundle file the time went to. */
export const byScript = (url: string) => url.replace(/^.*\//, '').replace(/\?.*$/, '');
