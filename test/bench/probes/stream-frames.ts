/**
 * What each frame of a streamed answer costs the page, build against build:
 *   npx tsx test/bench/probes/stream-frames.ts [--compare name=DIR,…] [--rate 500] [--chunks N] [--runs 2]
 *     [--answer long|paragraphs|no-blank-lines] [--warm-fonts] [--read-above] [--timeout SECONDS]
 * Streams the bench's answer (its first N chunks with --chunks) into a copy of the long conversation
 * of a small generated history (or a new chat for the pathological answers) under a `devtools.timeline`
 * trace, builds alternating, and counts on the page's main thread: frames that changed the page,
 * layouts and the layout objects they touched, style recalcs and their elements, paints, and self time
 * by event name. `--warm-fonts` first renders text in the fonts the answer uses (CJK, KaTeX, monospace)
 * in the fresh page, to tell a first-use font cost from the stream's own. `--read-above` runs each build
 * twice per round, once following the answer and once scrolled up by wheel two seconds in (the answer
 * grows below the view): what following costs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { busyOf, mainThreadTasks, median, quantile, selfTimes, type TraceEvent } from '../cdp';
import { generateHistory } from '../generate';
import { noBlankLines, paragraphs } from '../pathological';
import { CHUNK_CHARS, delayFor, specFor } from '../renderer';
import { longAnswer } from '../stream-answer';
import { streamOnce } from '../stream-run';
import { cloneConversation, setUpConnection, startWorld } from '../world';

const { values } = parseArgs({
  options: {
    compare: { type: 'string', default: '' },
    rate: { type: 'string', default: '500' },
    chunks: { type: 'string', default: '0' },
    runs: { type: 'string', default: '2' },
    answer: { type: 'string', default: 'long' },
    'warm-fonts': { type: 'boolean', default: false },
    'read-above': { type: 'boolean', default: false },
    'no-timeline': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    categories: { type: 'string', default: '' },
    layers: { type: 'boolean', default: false },
    /** Seconds to wait for the answer to settle (default: 4× the stream's length, at least 120). */
    timeout: { type: 'string', default: '0' },
  },
});

const builds = [
  ...values.compare.split(',').filter(Boolean).map((pair) => {
    const [name, dir] = pair.split('=');
    return { name: name!, root: resolve(dir!) };
  }),
  { name: 'this build', root: resolve(import.meta.dirname, '..', '..', '..') },
];

const answer = values.answer === 'paragraphs' ? paragraphs() : values.answer === 'no-blank-lines' ? noBlankLines() : longAnswer();
const [chunkChars, delayMs] = values.answer === 'paragraphs' ? [5_000, 20] : values.answer === 'no-blank-lines' ? [1_000, 5] : [CHUNK_CHARS, delayFor(Number(values.rate))];
const spec = specFor(answer, chunkChars, delayMs);
if (Number(values.chunks) > 0) spec.chunks = spec.chunks.slice(0, Number(values.chunks));
const runs = Number(values.runs);

interface Counts {
  line: string;
  busy: number;
  cpu: number;
}
let cpuShare = 0;

function count(events: TraceEvent[], main: { pid: number; tid: number; start: number; end: number }): Counts {
  const on = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ts >= main.start && e.ts <= main.end);
  const named = (n: string) => on.filter((e) => e.name === n && e.ph === 'X');
  const sum = (xs: TraceEvent[], f: (e: TraceEvent) => number) => xs.reduce((a, e) => a + f(e), 0);
  const layouts = named('Layout');
  const begin = (e: TraceEvent) => (e.args?.beginData ?? {}) as { dirtyObjects?: number; totalObjects?: number };
  const styles = named('UpdateLayoutTree');
  const paints = named('Paint');
  // A frame that changed the page: a main-thread frame in which something was painted or laid out.
  const frames = on.filter((e) => e.name === 'AnimationFrame' && e.ph === 'b').length;
  const commits = named('Commit').length;
  const prepaints = named('PrePaint').length;
  const tasks = mainThreadTasks(events, main.pid, main.tid, main.start, main.end);
  const b = busyOf(tasks, main.start, main.end);
  const seconds = (main.end - main.start) / 1e6;
  const top = selfTimes(events, main.pid, main.tid, main.start, main.end).slice(0, Number(process.env.FRAMES_TOP ?? 10));
  if (process.env.FRAMES_NAMES) {
    const n = new Map<string, [number, number]>();
    for (const e of on) {
      const k = `${e.name} ${e.ph}`;
      const v = n.get(k) ?? [0, 0];
      v[0]++;
      v[1] += e.dur ?? 0;
      n.set(k, v);
    }
    console.log([...n].sort((a, b) => b[1][0] - a[1][0]).slice(0, Number(process.env.FRAMES_NAMES)).map(([k, [c, d]]) => `${k}: ${c} × ${(d / 1000 / Math.max(1, c)).toFixed(2)} ms`).join('\n'));
    for (const name of ['Layout', 'Paint', 'UpdateLayoutTree', 'Layerize', 'PrePaint']) console.log(name, JSON.stringify(on.find((e) => e.name === name)?.args).slice(0, 600));
  }
  // Thread time (tdur) of the top-level tasks: what the main thread ran, not counting the time the
  // machine's other work kept it waiting (the wall-clock busy share includes that).
  const top_ = on.filter((e) => e.ph === 'X' && e.cat.includes('toplevel') && (e as { tdur?: number }).tdur !== undefined);
  let cpuUs = 0;
  let lastEnd = 0;
  for (const e of top_.sort((a, b) => a.ts - b.ts)) {
    if (e.ts < lastEnd) continue; // nested top-level task: counted in its parent
    cpuUs += (e as { tdur?: number }).tdur!;
    lastEnd = e.ts + e.dur!;
  }
  const longest = [...tasks].sort((x, y) => y.e - y.s - (x.e - x.s)).slice(0, 3);
  const inLongest = longest
    .map((t) => `${((t.e - t.s) / 1000).toFixed(0)} ms (thread time ${(top_.filter((e) => e.ts >= t.s && e.ts < t.e).reduce((a, e) => Math.max(a, (e as { tdur?: number }).tdur ?? 0), 0) / 1000).toFixed(0)} ms) at ${((t.s - main.start) / 1e6).toFixed(1)} s: ${selfTimes(events, main.pid, main.tid, t.s, t.e).slice(0, 6).map((x) => `${x.name} ${x.selfMs.toFixed(0)}`).join(', ')}`)
    .join('\n      ');
  if (process.env.FRAMES_FONTS) {
    for (const e of on.filter((e) => /Font|mojo reply/.test(e.name) && e.ph === 'X'))
      console.log(`  ${e.name} at ${((e.ts - main.start) / 1e6).toFixed(2)} s ${((e.dur ?? 0) / 1000).toFixed(1)} ms ${JSON.stringify(e.args).slice(0, 300)}`);
  }
  if (process.env.FRAMES_PAINTS) {
    const by = new Map<string, [number, number]>();
    for (const e of paints) {
      const d = (e.args?.data ?? {}) as { nodeName?: string; layerId?: number; clip?: number[] };
      const c = d.clip ?? [];
      const k = `${d.nodeName} layer ${d.layerId} clip ${c.length ? `${Math.round(c[2]! - c[0]!)}x${Math.round(c[5]! - c[1]!)}` : '-'}`;
      const v = by.get(k) ?? [0, 0];
      v[0]++;
      v[1] += e.dur!;
      by.set(k, v);
    }
    console.log([...by].sort((a, b) => b[1][0] - a[1][0]).slice(0, 15).map(([k, [c, d]]) => `  paint ${k}: ${c} × ${(d / 1000 / c).toFixed(2)} ms`).join('\n'));
  }
  if (process.env.FRAMES_NAMES) {
    for (const name of ['UpdateLayoutTree', 'HitTest', 'Layout', 'IntersectionObserverController::computeIntersections']) {
      const xs = named(name).sort((a, b) => b.dur! - a.dur!).slice(0, 4);
      console.log(`  top ${name}: ${xs.map((e) => `${(e.dur! / 1000).toFixed(0)} ms at ${((e.ts - main.start) / 1e6).toFixed(1)} s ${JSON.stringify(e.args).slice(0, 200)}`).join('\n     ')}`);
    }
  }
  if (process.env.FRAMES_SEQ) {
    // FRAMES_SEQ=<n>: the main thread's events, nested, in n frames from the middle of the stream (what one frame runs, in order).
    const starts = on.filter((e) => e.name === 'AnimationFrame' && e.ph === 'b').map((e) => e.ts);
    const mid = Math.floor(starts.length / 2);
    const from = starts[mid]!;
    const to = starts[Math.min(starts.length - 1, mid + Number(process.env.FRAMES_SEQ))]!;
    const xs = on.filter((e) => (e.ph === 'X' || e.cat.includes('user_timing')) && e.ts >= from && e.ts < to && (e.dur ?? 0) >= Number(process.env.FRAMES_SEQ_MIN_US ?? 20)).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const where = (e: TraceEvent) => {
      const d = (e.args?.data ?? {}) as { functionName?: string; url?: string; lineNumber?: number; columnNumber?: number };
      return `${d.functionName || '(anonymous)'} ${(d.url ?? '').split('/').pop()}:${d.lineNumber ?? ''}:${d.columnNumber ?? ''}`;
    };
    const stack: number[] = [];
    for (const e of xs) {
      while (stack.length && stack.at(-1)! <= e.ts) stack.pop();
      console.log(`  ${((e.ts - from) / 1000).toFixed(2).padStart(7)} ${'  '.repeat(stack.length)}${e.name} ${((e.dur ?? 0) / 1000).toFixed(2)} ms${e.name === 'Layout' ? ` dirty ${begin(e).dirtyObjects}` : ''}${e.name === 'FunctionCall' ? ` ${where(e)}` : ''}`);
      stack.push(e.ts + (e.dur ?? 0));
    }
  }
  cpuShare = cpuUs / (main.end - main.start);
  const line =
    `cpu ${(cpuShare * 100).toFixed(1)} %, busy ${(b.busy * 100).toFixed(1)} % over ${seconds.toFixed(1)} s, longest ${b.longestMs.toFixed(0)} ms, by tenth ${b.tenths.map((t) => (t * 100).toFixed(0)).join(' ')}\n` +
    `    frames ${frames}, commits ${commits}, prepaints ${prepaints}; layouts ${layouts.length} ` +
    `(objects dirty ${sum(layouts, (e) => begin(e).dirtyObjects ?? 0)}, total avg ${(sum(layouts, (e) => begin(e).totalObjects ?? 0) / Math.max(1, layouts.length)).toFixed(0)}), ` +
    `style recalcs ${styles.length} (elements ${sum(styles, (e) => Number((e.args as { elementCount?: number })?.elementCount ?? 0))}), paints ${paints.length}\n` +
    `    self ms: ${top.map((t) => `${t.name} ${t.selfMs.toFixed(0)}`).join(', ')}\n` +
    `    longest tasks: ${inLongest}`;
  return { line, busy: b.busy, cpu: cpuShare };
}

/** Lays out the answer's first part as headings, paragraphs, code and math in the app's styles, off screen, then removes it. */
async function warmFonts(page: import('playwright-core').Page) {
  const sample = answer.text.slice(0, 12_000);
  await page.evaluate(async (sample) => {
    const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    let html = '';
    let code = false;
    for (const line of sample.split('\n')) {
      if (line.startsWith('```')) {
        html += code ? '</code></pre>' : '<pre class="code-block"><code>';
        code = !code;
      } else if (code) html += `${esc(line)}\n`;
      else if (line.startsWith('#')) html += `<h2>${esc(line.replace(/^#+ /, ''))}</h2>`;
      else if (line.trim()) html += `<p><strong>${esc(line.slice(0, 20))}</strong> <em>${esc(line.slice(20, 40))}</em> <code>${esc(line.slice(40, 60))}</code> ${esc(line.slice(60))}</p>`;
    }
    const div = document.createElement('div');
    div.className = 'markdown';
    div.style.cssText = 'position:absolute;left:-9999px;top:0;width:700px';
    div.innerHTML =
      html +
      '<span class="katex"><span class="katex-html"><span class="mord mathnormal">x</span><span class="mord mathrm">1</span><span class="mop op-symbol large-op">∑</span><span class="mop op-symbol small-op">∫</span><span class="delimsizing size1">(</span><span class="delimsizing size2">(</span></span></span>';
    document.body.append(div);
    div.getBoundingClientRect();
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100)));
    div.remove();
  }, sample);
}

/** Counts the compositor's layers while the answer streams (LayerTree domain; a run of its own: it costs time). */
const layerCounts: number[] = [];
async function watchLayers(page: import('playwright-core').Page) {
  const cdp = await page.context().newCDPSession(page);
  cdp.on('LayerTree.layerTreeDidChange', (e) => {
    if (e.layers) layerCounts.push(e.layers.length);
  });
  await cdp.send('LayerTree.enable');
}

const dir = mkdtempSync(join(tmpdir(), 'ferry-frames-'));
const dbFile = join(dir, 'ferry.db');
const gen = generateHistory(dbFile, { conversations: 500, messages: 20_000, longConversation: 2_000, seed: 20261127 });
const variants = values['read-above'] ? [false, true] : [false];
const copies = values.answer === 'long' ? cloneConversation(dbFile, gen.longConversationId, runs * builds.length * variants.length, 'f') : [];
const world = await startWorld(dbFile, builds[0]!.root);
const variantName = (build: { name: string }, above: boolean) => (above ? `${build.name} (reading above)` : build.name);
const runNames = builds.flatMap((b) => variants.map((above) => variantName(b, above)));
const results = new Map<string, number[]>(runNames.map((n) => [n, []]));
const cpuResults = new Map<string, number[]>(runNames.map((n) => [n, []]));
try {
  await setUpConnection(world);
  for (let i = 0; i < runs; i++) {
    for (const build of builds)
    for (const above of variants) {
      if (world.root !== build.root) await world.restartHost({}, build.root);
      let counts: Counts | undefined;
      const s = await streamOnce(
        world,
        spec,
        {
          conversationId: copies.shift() ?? null,
          ...(Number(values.timeout) > 0 ? { timeoutMs: Number(values.timeout) * 1000 } : {}),
          probes: true,
          heap: false,
          analysis: values.profile,
          readAbove: above,
          trace: { categories: [...(values['no-timeline'] ? [] : ['devtools.timeline']), ...values.categories.split(',').filter(Boolean)], inspect: (events, main) => (counts = count(events, main)) },
          ...(values['warm-fonts'] ? { beforeEnter: warmFonts } : values.layers ? { beforeEnter: watchLayers } : {}),
        },
        `frames-${i}`,
      );
      if (values.layers) {
        console.log(`    layers: median ${median(layerCounts)}, max ${Math.max(...layerCounts)} over ${layerCounts.length} layer tree updates`);
        layerCounts.length = 0;
      }
      results.get(variantName(build, above))!.push(counts!.busy);
      cpuResults.get(variantName(build, above))!.push(counts!.cpu);
      if (s.jsByFunction) console.log(`    JS by function: ${s.jsByFunction.map((t) => `${t.name} ${t.selfMs.toFixed(0)}`).join(', ')}`);
      console.log(
        `#${i + 1} [${variantName(build, above)}] followed ${s.following.samples - s.following.lostSamples}/${s.following.samples} (end ${s.following.endGapPx.toFixed(0)} px), c2p p50 ${median(s.latencies).toFixed(0)} / p95 ${quantile(s.latencies, 0.95).toFixed(0)} ms, last char ${s.lastCharMs.toFixed(0)} ms, settled ${s.settleMs.toFixed(0)} ms, longest until settled ${s.longestUntilSettledMs.toFixed(0)} ms (load ${loadavg()[0]!.toFixed(1)})\n    ${counts!.line}`,
      );
    }
  }
  for (const [name, xs] of results) {
    const cpu = cpuResults.get(name)!;
    console.log(`${name}: busy median ${(median(xs) * 100).toFixed(1)} % (${xs.map((x) => (x * 100).toFixed(1)).join(', ')}); main-thread CPU median ${(median(cpu) * 100).toFixed(1)} % (${cpu.map((x) => (x * 100).toFixed(1)).join(', ')})`);
  }
} finally {
  await world.stop();
  rmSync(dir, { recursive: true, force: true });
}
