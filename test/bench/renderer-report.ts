/** The renderer section of BENCHMARKS.md, from runRendererBench's results. */
import { statSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { median, quantile, stat, type Stat, type TopCost } from './cdp';
import { CHUNK_CHARS, rateStats, type BuildResults, type RendererResults } from './renderer';

/** Everything from this line on in BENCHMARKS.md belongs to the renderer run… */
export const RENDERER_MARK = '<!-- renderer section: written by test/bench/renderer-report.ts -->';
/** …up to this one: what follows it (notes written by hand) survives a re-run. */
export const RENDERER_END = '<!-- end of the generated renderer section -->';

const f = (x: number, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '—');
const runs = (s: Stat, digits = 0, scale = 1) => s.values.map((v) => f(v * scale, digits)).join(', ');
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
const pct = (x: number) => `${f(x * 100, 1)} %`;
const top = (xs: TopCost[], total: number) => xs.map((x) => `${x.name} ${f(x.selfMs)} ms (${f((x.selfMs / total) * 100, 1)} %)`).join(', ');

function builtAt(): string {
  try {
    return statSync(fileURLToPath(new URL('../../dist/renderer/index.html', import.meta.url))).mtime.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  } catch {
    return 'an unknown time';
  }
}

export const loadNow = () => loadavg().map((l) => l.toFixed(1)).join(' / ');

const busyTarget = (rate: number) => (rate <= 500 ? 0.15 : 0.25);

/** Key figures of each build side by side (every run alternated between the builds). */
function sideBySide(builds: BuildResults[]): string {
  const rows: string[] = [];
  const row = (name: string, cell: (b: BuildResults) => string) => rows.push(`| ${name} | ${builds.map(cell).join(' | ')} |`);
  const rateOf = (b: BuildResults, i: number) => b.rates[i];
  builds[0]!.rates.forEach((rate, i) => {
    const t = `${rate.tokensPerSecond} tok/s`;
    const st = (b: BuildResults) => (rateOf(b, i) ? rateStats(rateOf(b, i)!) : undefined);
    row(`${t}: busy (probes / none / mouse over the answer)`, (b) => {
      const r = rateOf(b, i);
      return r ? `${pct(st(b)!.busy.median)} / ${r.noProbes ? pct(r.noProbes.busy) : '—'} / ${r.pointer ? pct(r.pointer.busy) : '—'}` : '—';
    });
    row(`${t}: longest task`, (b) => `${f(st(b)?.longest.median ?? NaN)} ms`);
    row(`${t}: last character / settled`, (b) => `${f(st(b)?.lastChar.median ?? NaN)} / ${f(st(b)?.settle.median ?? NaN)} ms`);
    row(`${t}: chunk-to-paint p50 / p95`, (b) => {
      const r = rateOf(b, i);
      return r ? `${f(median(r.samples.map((x) => median(x.latencies))))} / ${f(median(r.samples.map((x) => quantile(x.latencies, 0.95))))} ms` : '—';
    });
    row(`${t}: heap at ¼ / end`, (b) => {
      const h = rateOf(b, i)?.heap ?? [];
      return `${f(median(h.map((x) => x.heapMB[0] ?? NaN)), 1)} / ${f(median(h.map((x) => x.heapMB.at(-1) ?? NaN)), 1)} MB`;
    });
    row(`${t}: host CPU for the answer`, (b) => `${f(st(b)?.hostCpu.median ?? NaN)} ms`);
  });
  if (builds[0]!.open) {
    row('open 2,000 messages: first paint / longest task', (b) => (b.open ? `${f(median(b.open.samples.map((x) => x.firstPaintMs)))} / ${f(median(b.open.samples.map((x) => x.longestTaskMs)))} ms` : '—'));
    row('switch between two of them', (b) => (b.open ? `${f(median(b.open.switches.map((x) => x.switchMs)))} ms` : '—'));
  }
  builds[0]!.pathological.forEach((p, i) =>
    row(`${p.name}: settled after the upstream / longest task`, (b) => {
      const s = b.pathological[i]?.sample;
      return s ? `${f(s.settleMs)} / ${f(s.longestUntilSettledMs)} ms` : `failed: ${b.pathological[i]?.error ?? ''}`;
    }),
  );
  if (builds[0]!.concurrent)
    row('ten at once: busy, intact, open one c2p p95', (b) => {
      const c = b.concurrent;
      return c ? `${pct(c.busy)}, ${c.intact}/${c.answers}, ${f(quantile(c.latencies, 0.95))} ms` : '—';
    });
  return `### Side by side in this run (every run alternated between the builds)

| Measure | ${builds.map((b) => b.build.name).join(' | ')} |
|---|${builds.map(() => '---').join('|')}|
${rows.join('\n')}`;
}

export function rendererSection(r: RendererResults, ctx: { command: string; history: string; loadAtStart: string }): string {
  const sections: string[] = [];
  const cur = r.builds.at(-1)!;
  if (r.builds.length > 1) sections.push(sideBySide(r.builds));

  if (cur.rates.length) {
    const rows: string[] = [];
    for (const rate of cur.rates) {
      const s = rateStats(rate);
      const lat = rate.samples.map((x) => x.latencies);
      const p95 = stat(lat.map((l) => quantile(l, 0.95)));
      const p50 = stat(lat.map((l) => median(l)));
      const heapQuarters = [0, 1, 2, 3].map((q) => median(rate.heap.map((h) => h.heapMB[q] ?? NaN)));
      const heapMax = Math.max(...heapQuarters.filter(Number.isFinite));
      const heapFlat = heapQuarters[3]! - heapQuarters[0]! <= 5;
      const t = `${rate.tokensPerSecond} tok/s`;
      rows.push(
        `| ${t}: main thread busy (share of stream time) | ${pct(s.busy.median)} | ≤ ${f(busyTarget(rate.tokensPerSecond) * 100)} % | ${verdict(s.busy.median <= busyTarget(rate.tokensPerSecond))} | ${runs(s.busy, 1, 100)}; CDP TaskDuration ${runs(s.busyMetrics, 1, 100)}; without the latency probes ${rate.noProbes ? pct(rate.noProbes.busy) : 'failed'}; with the mouse over the answer ${rate.pointer ? pct(rate.pointer.busy) : '—'} |`,
        `| ${t}: longest task | ${f(s.longest.median)} ms | no task ≥ 50 ms | ${verdict(rate.samples.every((x) => x.tasksOver50 === 0))} | ${runs(s.longest)}; tasks ≥ 50 ms per run ${rate.samples.map((x) => x.tasksOver50).join(', ')}; longest frame gap ${rate.samples.map((x) => f(x.maxFrameGapMs)).join(', ')} ms |`,
        `| ${t}: last character painted after the upstream wrote it | ${f(s.lastChar.median)} ms | ≤ 100 ms | ${verdict(s.lastChar.median <= 100)} | ${runs(s.lastChar)}; settled (final render, all code highlighted) ${runs(s.settle)} ms after the upstream's end |`,
        `| ${t}: chunk-to-paint p95 | ${f(p95.median)} ms | ≤ 50 ms | ${verdict(p95.median <= 50)} | ${runs(p95)}; p50 ${runs(p50)}; max ${rate.samples.map((x) => f(Math.max(...x.latencies))).join(', ')} |`,
        `| ${t}: JS heap after GC at ¼ / ½ / ¾ / end of the stream | ${heapQuarters.map((h) => f(h, 1)).join(' / ')} MB | ≤ 40 MB, flat | ${verdict(heapMax <= 40 && heapFlat)} | ${rate.heap.map((h) => h.heapMB.map((x) => f(x, 1)).join(' / ')).join('; ')} |`,
        `| ${t}: browser host CPU for the answer (user + system, all threads) | ${f(s.hostCpu.median)} ms | ≤ 600 ms (the answer is ~40 s at 500 tok/s) | ${verdict(s.hostCpu.median <= 600)} | ${runs(s.hostCpu)} (all runs of this rate) |`,
        `| ${t}: stream length / actual rate | ${f(s.seconds.median, 1)} s / ${f(s.cps.median / 4)} tok/s | — | — | markers timed per run: ${rate.samples.map((x) => x.markersSeen).join(', ')} of ${r.answer.markers} |`,
        `| ${t}: the view followed the answer | ${rate.samples.every((x) => x.following.lostSamples === 0 && x.following.endGapPx <= 48) ? 'yes, every run' : 'not in every run'} | — | — | samples with "Scroll to latest" shown per run: ${rate.samples.map((x) => `${x.following.lostSamples}/${x.following.samples}`).join(', ')}; end ${rate.samples.map((x) => f(x.following.endGapPx)).join(', ')} px away once settled |`,
      );
    }
    const tenths = cur.rates
      .map((rate) => `${rate.tokensPerSecond} tok/s: ${rate.samples.map((s, i) => `run ${i + 1}: ${s.busyByTenth.map((b) => f(b * 100)).join(' ')}`).join('; ')}`)
      .join('. ');
    sections.push(`### The long answer, streamed into a 2,000-message conversation (${cur.build.name})

${r.answer.chars.toLocaleString('en')} characters (${r.answer.shape}; seeded, \`test/bench/stream-answer.ts\`),
${CHUNK_CHARS} characters per SSE frame, frames paced by the clock (500 tok/s = 40 characters every 20 ms, 2,000 tok/s = every 5 ms).
Each run answers in its own copy of the 2,000-message conversation, opened by its address (#/c/<id>) and typed
into, so the page has no mouse position (as in the earlier benchmark, which typed into a new chat); one extra run
leaves the mouse over the answer. Medians over
${cur.rates[0]!.samples.length} runs with the latency probes; the heap in ${cur.rates[0]!.heap.length} further run(s) of its own (forced GCs pause the page).

| Measure | median | target | | runs |
|---|---|---|---|---|
${rows.join('\n')}

Busy share per tenth of the stream (%, trace) — ${tenths}.`);
  }

  if (cur.open) {
    const o = cur.open.samples;
    const of = (g: (s: (typeof o)[number]) => number) => stat(o.map(g));
    const fp = of((s) => s.firstPaintMs);
    const heap = of((s) => s.heapMB);
    const lt = of((s) => s.longestTaskMs);
    const sw = stat(cur.open.switches.map((x) => x.switchMs));
    sections.push(`### Opening the 2,000-message conversation

| Measure | median | target | | runs |
|---|---|---|---|---|
| time to first paint (click → first frame showing messages) | ${f(fp.median)} ms | ≤ 100 ms (earlier target ≤ 300 ms) | ${verdict(fp.median <= 100)} | ${runs(fp)} (cold first open: ${f(cur.open.coldFirstPaintMs)}) |
| JS heap with it open (after GC) | ${f(heap.median, 1)} MB | ≤ 200 MB | ${verdict(heap.median <= 200)} | ${runs(heap, 1)}; before opening ${f(of((s) => s.heapBeforeMB).median, 1)} MB |
| longest task while opening it | ${f(lt.median)} ms | (no task > 100 ms) | ${verdict(lt.median <= 100)} | ${runs(lt)} |
| switching to another 2,000-message conversation (click → first frame showing it) | ${f(sw.median)} ms | ≤ 100 ms | ${verdict(sw.median <= 100)} | ${runs(sw)}; longest task ${runs(stat(cur.open.switches.map((x) => x.longestTaskMs)))} ms |
| rendered message elements / DOM elements with it open | ${f(of((s) => s.articles).median)} / ${f(of((s) => s.domNodes).median)} | — | — | of 2,000 messages |`);
  }

  if (cur.pathological.length) {
    const rows = cur.pathological.map((p) => {
      const s = p.sample;
      const head = `| ${p.name} (${(p.chars / 1e6).toFixed(2)} M characters; ${p.shape}) | ${p.chunkChars} chars / ${p.delayMs} ms`;
      if (!s) return `${head} | — | — | — | — | **failed**: ${p.error ?? ''} |`;
      const ok = s.settleMs <= 2000 && s.longestUntilSettledMs < 100;
      return `${head} | ${f(s.seconds, 1)} s | ${f(s.settleMs)} ms | ${f(s.longestUntilSettledMs)} ms | ${pct(s.busy)}, c2p p95 ${f(quantile(s.latencies, 0.95))} ms | ${verdict(ok)} |`;
    });
    sections.push(`### Pathological answers (\`test/bench/pathological.ts\`), each into a new chat, one run each

| Answer | frames | upstream took | settled after the upstream's end (≤ 2 s) | longest task until settled (< 100 ms) | busy while streaming | |
|---|---|---|---|---|---|---|
${rows.join('\n')}`);
  }

  if (cur.concurrent) {
    const c = cur.concurrent;
    const alone = cur.rates.find((x) => x.tokensPerSecond === c.tokensPerSecond);
    const aloneP95 = alone ? median(alone.samples.map((s) => quantile(s.latencies, 0.95))) : NaN;
    const aloneLongest = alone ? median(alone.samples.map((s) => s.longestTaskMs)) : NaN;
    sections.push(`### Ten answers at once (${c.tokensPerSecond} tok/s each, ten conversations, the last one open)

| Measure | value | target | |
|---|---|---|---|
| main thread busy while all ten stream (${f(c.windowSeconds, 1)} s window) | ${pct(c.busy)} (CDP TaskDuration ${pct(c.busyMetrics)}) | ≤ 35 % | ${verdict(c.busy <= 0.35)} |
| stored answers identical to what the upstream sent | ${c.intact} / ${c.answers} | all | ${verdict(c.intact === c.answers)} |
| open answer: chunk-to-paint p50 / p95, longest task | ${f(median(c.latencies))} / ${f(quantile(c.latencies, 0.95))} ms, ${f(c.longestTaskMs)} ms | as alone (p95 ${f(aloneP95)} ms, longest ${f(aloneLongest)} ms) | ${verdict(quantile(c.latencies, 0.95) <= 50 && c.longestTaskMs < 50)} |
| browser host CPU in the window | ${f(c.hostCpuMs)} ms (${f(c.hostCpuMs / c.windowSeconds / 10)} ms per answer-second) | — | — |`);
  }

  if (r.analysis) {
    const a = r.analysis;
    sections.push(`### Where the time goes (one traced run of each, \`devtools.timeline\` categories, self time on the renderer main thread)
- Opening (${f(a.openMs)} ms to first paint in the traced run): ${top(a.open, a.openMs)}.
- Streaming at 500 tok/s (${f(a.streamSeconds, 1)} s): ${top(a.stream, a.streamSeconds * 1000)}.
- Streaming, CPU profile of the main thread (1 ms sampling, same run) by script: ${top(a.streamJs, a.streamSeconds * 1000)}
  (\`(program)\` is the browser's own native work, \`(idle)\` the idle time; scripts are the built chunks. Tracing adds overhead: read the shares, not the absolute ms.)
- The same profile by function (names as built): ${top(a.streamFunctions.filter((x) => !x.name.startsWith('(idle')), a.streamSeconds * 1000)}.`);
  }

  if (r.hostProfile) {
    const h = r.hostProfile;
    sections.push(`### Where the browser host's CPU goes (one answer at 500 tok/s under \`node --cpu-prof\`, self time mapped through the source map)
- ${f(h.sample.hostCpuMs)} ms of CPU for the answer (profiler on; ${f(h.windowMs / 1000, 1)} s window).
- By package or source file: ${h.byArea.map((x) => `${x.name} ${f(x.selfMs)} ms`).join(', ')}.
- By function: ${h.byFunction.map((x) => `${x.name} ${f(x.selfMs)} ms`).join(', ')}.`);
  }

  return `${RENDERER_MARK}
## Renderer (Chromium, through the browser host)

Measured by \`${ctx.command}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, headless Chromium ${r.chromium}
(\`/usr/bin/chromium\`, \`--disable-gpu\`, 1280×860) against \`dist/renderer\` as built at ${builtAt()} (run \`npm run build\` first).

- Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown'}; ${(totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(freemem() / 2 ** 30).toFixed(1)} GiB free;
  **load average at the start ${ctx.loadAtStart}, at the end ${loadNow()}** (1/5/15 min); 1-minute load after each run:
  min ${f(Math.min(...r.loads), 1)}, median ${f(median(r.loads), 1)}, max ${f(Math.max(...r.loads), 1)} over ${r.loads.length} runs. With 2 cores shared by other work, busy shares
  and latencies are inflated by whatever else ran; compare builds within one run, re-run when the load is high.
- History: ${ctx.history}; the sidebar shows it.

${sections.join('\n\n')}

### How the renderer is measured
- **Host and page**: \`dist-electron/web.cjs\` on the benchmark's history folder, a private gnome-keyring, the fixture
  server in the benchmark's own Node process; Playwright drives \`/usr/bin/chromium\`; every run uses a fresh browser
  context (no warm React state).
- **Busy share and longest task**: a CDP trace (\`toplevel\`) over the stream, from a \`performance.mark\` just before
  Enter to the mark set when the answer's \`data-status\` leaves \`streaming\`. Busy = union of the top-level tasks on the
  page's \`CrRendererMain\` thread ÷ window. Cross-check: CDP \`TaskDuration\` ÷ \`Timestamp\` over the same stream.
- **Chunk-to-paint**: the answer carries unique words (\`mk0001\`…). Node records when the fixture writes the frame
  carrying each; in the page a \`MutationObserver\` notes when each first appears in the DOM and a continuous
  rAF + \`MessageChannel\` loop records when each frame was produced; paint time = the first frame after it appeared.
  Clocks aligned NTP-style (25 round trips before and after). The answer ends with a marker: its latency is the
  **last character**'s. The probes cost main-thread time of their own, hence the run without them.
- **Settled**: the first frame after the answer is done, no streaming layout or pending render is left and every
  code block is highlighted; measured from the fixture's \`[DONE]\` write.
- **Heap**: CDP \`HeapProfiler.collectGarbage\` (twice) then \`Runtime.getHeapUsage\`, when the fixture has written
  ¼, ½ and ¾ of the frames and once settled (the page includes the open 2,000-message conversation).
- **Host CPU**: utime + stime of the host process (all its threads) from \`/proc/<pid>/stat\`, from just before Enter until settled;
  the window starts once the host has been idle for 0.6 s after the page opened (what opening left to do is not the answer's).
${RENDERER_END}`;
}
