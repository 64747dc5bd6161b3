/** The renderer section of BENCHMARKS.md, from runRendererBench's results. */
import { statSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { RendererResults, Stat } from './renderer';

/** Everything from this line on in BENCHMARKS.md belongs to the renderer run. */
export const RENDERER_MARK = '<!-- renderer section: written by test/bench/renderer-report.ts -->';

const f = (x: number, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '—');
const runs = (s: Stat, digits = 0, scale = 1) => s.values.map((v) => f(v * scale, digits)).join(', ');
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

function builtAt(): string {
  try {
    return statSync(fileURLToPath(new URL('../../dist/renderer/index.html', import.meta.url))).mtime.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  } catch {
    return 'an unknown time';
  }
}

export function rendererSection(r: RendererResults, ctx: { command: string; history: string }): string {
  const o = r.open;
  const s = r.stream;
  const load = loadavg().map((l) => l.toFixed(1)).join(' / ');
  const rows = [
    `| time to first paint, 2,000-message conversation (click → first frame showing messages) | ${f(o.firstPaintMs.median)} ms | ≤ 300 ms | ${verdict(o.firstPaintMs.median <= 300)} | ${runs(o.firstPaintMs)} (cold first open: ${f(o.coldFirstPaintMs)}) |`,
    `| JS heap with it open (after GC) | ${f(o.heapMB.median, 1)} MB | ≤ 200 MB | ${verdict(o.heapMB.median <= 200)} | ${runs(o.heapMB, 1)}; before opening ${f(o.heapBeforeMB.median, 1)} MB |`,
    `| longest task while opening it | ${f(o.longestTaskMs.median)} ms | (no task > 100 ms) | ${verdict(o.longestTaskMs.median <= 100)} | ${runs(o.longestTaskMs)} |`,
    `| rendered message elements / DOM elements with it open | ${f(o.articles.median)} / ${f(o.domNodes.median)} | — | — | of 2,000 messages |`,
    `| streaming: main thread busy (share of stream time) | ${f(s.busy.median * 100, 1)} % | ≤ 20 % | ${verdict(s.busy.median <= 0.2)} | ${runs(s.busy, 1, 100)}; CDP TaskDuration: ${runs(s.busyMetrics, 1, 100)}; one run without the latency probes: ${Number.isFinite(s.busyNoProbes) ? `${f(s.busyNoProbes * 100, 1)} %` : "failed (see the log)"} |`,
    `| streaming: longest task | ${f(s.longestTaskMs.median)} ms | ≤ 100 ms | ${verdict(s.longestTaskMs.median <= 100)} | ${runs(s.longestTaskMs)}; longest gap between frames ${runs(s.maxFrameGapMs)} ms |`,
    `| streaming: chunk-to-paint p50 | ${f(s.p50.median)} ms | — | — | ${runs(s.p50)} |`,
    `| streaming: chunk-to-paint p95 | ${f(s.p95.median)} ms | ≤ 50 ms | ${verdict(s.p95.median <= 50)} | ${runs(s.p95)}; max ${runs(s.max)} |`,
    `| stream length / actual rate | ${f(s.seconds.median, 1)} s / ${f(s.tokensPerSecond.median)} tok/s | ~500 tok/s | — | markers timed per run: ${runs(s.markersSeen)} of ${r.answer.markers} |`,
  ].join('\n');
  const tenths = s.busyByTenth.map((run, i) => `run ${i + 1}: ${run.map((b) => f(b * 100)).join(' ')}`).join('; ');
  const clock = s.clock.map((c) => `±${f(c.uncertaintyMs, 2)} ms (drift ${f(c.driftMs, 2)} ms)`).join(', ');
  const top = (xs: { name: string; selfMs: number }[], total: number) =>
    xs.map((x) => `${x.name} ${f(x.selfMs)} ms (${f((x.selfMs / total) * 100, 1)} %)`).join(', ');
  const analysis = r.analysis
    ? `
### Where the time goes (one traced run of each, \`devtools.timeline\` + \`v8\` categories, self time on the renderer main thread)
- Opening (${f(r.analysis.openMs)} ms to first paint in the traced run): ${top(r.analysis.open, r.analysis.openMs)}.
- Streaming (${f(r.analysis.streamSeconds, 1)} s): ${top(r.analysis.stream, r.analysis.streamSeconds * 1000)}.
- Streaming, CPU profile of the main thread (1 ms sampling, same run) by script: ${top(r.analysis.streamJs, r.analysis.streamSeconds * 1000)}
  (\`(program)\` is the browser's own native work, \`(idle)\` the idle time; scripts are the built chunks).
  (\`v8.run\`/\`FunctionCall\`/\`V8.Execute\`-style rows are JavaScript — React, react-markdown/micromark;
  \`UpdateLayoutTree\` is style recalc, \`Layout\`, \`PrePaint\`/\`Paint\`/\`Layerize\` are the browser's frame work;
  \`MinorGC\`/\`MajorGC\`/\`V8.GC*\` garbage collection. Tracing adds overhead: read the shares, not the absolute ms.)
`
    : '';
  return `${RENDERER_MARK}
## Renderer (Chromium, through the browser host)

Measured by \`${ctx.command}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, headless Chromium ${r.chromium}
(\`/usr/bin/chromium\`, \`--disable-gpu\`, 1280×860) against \`dist/renderer\` as built at ${builtAt()} (run \`npm run build\` first).

- Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown'}; ${(totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(freemem() / 2 ** 30).toFixed(1)} GiB free;
  **load average at the end ${load}** (1/5/15 min). With 2 cores shared by other work, busy shares and
  latencies are inflated by whatever else ran; re-run on a quiet machine before comparing builds.
- History: ${ctx.history} (the 2,000-message conversation is moved to the top of the sidebar).
- Streamed answer: ${r.answer.chars.toLocaleString('en')} characters of Markdown = ${r.answer.tokens.toLocaleString('en')} fixture tokens
  (40 sections, each a heading, English and Chinese prose, a 5-row table, inline and display math,
  a task list and an 8-line fenced code block in one of 8 languages; \`test/bench/stream-answer.ts\`),
  one token per SSE frame, \`chunkDelayMs\` = round(1000 / tokens-per-second) = 2 ms (Node timers truncate to whole ms:
  1 ms gives ~870 tok/s, 2 ms ~460–490 tok/s; the actual rate is in the table).
- Figures are medians over runs (open: ${o.firstPaintMs.values.length} runs after one warm-up; streaming: ${s.busy.values.length} runs); the
  individual runs are listed.

| Measure | median | target | | runs |
|---|---|---|---|---|
${rows}

Busy share per tenth of the stream (%, trace): ${tenths}. Clock alignment per stream run: ${clock}.
${analysis}
### How the renderer is measured
- **Host and page**: \`dist-electron/web.cjs\` on the benchmark's history folder, a private gnome-keyring
  (\`startKeyringSession\`), the fixture server in the benchmark's own Node process; Playwright drives
  \`/usr/bin/chromium\`; every run uses a fresh browser context (no warm React state).
- **First paint**: a capture-phase \`click\` listener takes the click event's \`timeStamp\`; a
  \`requestAnimationFrame\` loop then waits for the first frame in which \`[role=log] article\` exists and
  posts a \`MessageChannel\` message from that rAF callback; the message runs right after that frame was
  rendered, and its \`performance.now()\` is the "painted" time. First paint = painted − click.
- **Heap**: CDP \`HeapProfiler.collectGarbage\` (twice) then \`Runtime.getHeapUsage().usedSize\`, 1.5 s after the
  first paint, with the conversation open (and before opening, for the baseline).
- **Busy share and longest task**: a CDP trace (\`toplevel\` category) over the stream; the window runs from
  a \`performance.mark\` just before Enter to the mark set when the answer's \`data-status\` turns \`done\`.
  Busy = union of the top-level tasks on the page's \`CrRendererMain\` thread ÷ window; the longest task is the
  longest of them (also checked against the \`longtask\` observer). Cross-check: CDP \`Performance.getMetrics\`
  \`TaskDuration\` delta ÷ \`Timestamp\` delta over the same stream (slightly wider window). A long-task
  observer alone would miss the many 5–49 ms tasks that make up most of the busy time.
- **Chunk-to-paint**: the answer carries ${r.answer.markers} unique words (\`mk0001\`…) in prose. Node records when the
  fixture's \`res.write\` of the frame carrying each one happens (a hook on \`ServerResponse.prototype.write\`,
  benchmark-only); in the page, a \`MutationObserver\` (subtree, childList + characterData) notes when each
  first appears in the DOM, and a continuous rAF + \`MessageChannel\` loop records when each frame was produced.
  Paint time of a marker = the first frame produced after it appeared. The two clocks
  (Node \`performance.timeOrigin + performance.now()\`, page \`performance.timeOrigin + performance.now()\`) are
  aligned NTP-style: 25 \`page.evaluate\` round trips before and after each stream, offset = page − midpoint of
  the round trip with the smallest RTT (uncertainty = half that RTT, drift = after − before, listed above).
  The latency includes the host (SSE parse, storage, WebSocket) and the renderer's ~30 Hz delta coalescing.
  The probes (observer, continuous rAF loop) add main-thread work of their own: one extra stream without them
  is run for the busy share ("without the latency probes" in the table).
`;
}
