/**
 * Renderer benchmarks in Chromium through the browser host (`dist-electron/web.cjs`, the built
 * `dist/renderer`), in the full app (sidebar over the generated history):
 * - opening the 2,000-message conversation (first paint, heap, longest task);
 * - the long answer streamed at each rate into its own copy of that conversation (busy share,
 *   longest task, chunk-to-paint, last character, settling, heap per quarter, host CPU);
 * - the pathological answers (pathological.ts), each into a new chat;
 * - ten answers at once in ten conversations;
 * - where the time goes: one traced stream, and the host under a CPU profiler.
 * Used by run.ts; see "How the renderer is measured" in BENCHMARKS.md.
 */
import { stat, type Stat, type TopCost } from './cdp';
import { concurrentOnce, type ConcurrentSample } from './concurrent-run';
import { profileHost, type HostProfile } from './host-profile';
import { openOnce, type OpenSample } from './open-run';
import { noBlankLines, paragraphs, repeatedSections } from './pathological';
import { cutIntoChunks, longAnswer, type BenchAnswer } from './stream-answer';
import { describeSample, streamOnce, type StreamSample, type StreamSpec } from './stream-run';
import { bringToTop, cloneConversation, setUpConnection, startWorld } from './world';

export type { Stat, TopCost };

export const SCENARIOS = ['open', 'stream', 'pathological', 'concurrent', 'analysis', 'host-profile'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface RendererBenchOptions {
  /** A history made by generate.ts; its folder becomes the host's data folder. */
  dbFile: string;
  longConversationId: string;
  openRuns: number;
  streamRuns: number;
  heapRuns: number;
  rates: number[];
  scenarios: readonly Scenario[];
  log: (line: string) => void;
}

/** 500 tok/s = 40 characters every 20 ms (4 characters a token). */
export const CHUNK_CHARS = 40;
export const delayFor = (tokensPerSecond: number) => (CHUNK_CHARS / 4 / tokensPerSecond) * 1000;

export interface RateResult {
  tokensPerSecond: number;
  delayMs: number;
  samples: StreamSample[];
  noProbes: StreamSample | null;
  heap: StreamSample[];
}

export interface PathologicalResult {
  name: string;
  shape: string;
  chars: number;
  chunkChars: number;
  delayMs: number;
  sample: StreamSample | null;
  error?: string;
}

export interface RendererResults {
  chromium: string;
  answer: { chars: number; markers: number; shape: string };
  open?: { samples: OpenSample[]; coldFirstPaintMs: number };
  rates: RateResult[];
  pathological: PathologicalResult[];
  concurrent?: ConcurrentSample & { tokensPerSecond: number };
  analysis?: { stream: TopCost[]; streamJs: TopCost[]; streamSeconds: number; open: TopCost[]; openMs: number };
  hostProfile?: HostProfile;
}

export function specFor(answer: BenchAnswer, chunkChars: number, delayMs: number): StreamSpec {
  return { answer, chunks: cutIntoChunks(answer.text, chunkChars), delayMs };
}

export async function runRendererBench(o: RendererBenchOptions): Promise<RendererResults> {
  const want = (s: Scenario) => o.scenarios.includes(s);
  bringToTop(o.dbFile, o.longConversationId);
  const answer = longAnswer();
  // Every stream into the long conversation gets its own copy of it.
  const perRate = o.streamRuns + 1 + o.heapRuns;
  const copiesNeeded =
    (want('stream') ? perRate * o.rates.length : 0) + (want('analysis') ? 1 : 0) + (want('host-profile') ? 1 : 0) + (want('concurrent') ? 10 : 0);
  const copies = cloneConversation(o.dbFile, o.longConversationId, copiesNeeded, `b${Date.now().toString(36)}-`);
  const take = () => copies.shift()!;
  const world = await startWorld(o.dbFile);
  const results: RendererResults = {
    chromium: world.browser.version(),
    answer: { chars: answer.text.length, markers: answer.markers.length, shape: answer.shape },
    rates: [],
    pathological: [],
  };
  try {
    if (want('open')) {
      const samples: OpenSample[] = [];
      let cold = NaN;
      for (let i = 0; i <= o.openRuns; i++) {
        const s = await openOnce(world, o.longConversationId, false);
        o.log(`  open #${i}${i === 0 ? ' (warm-up)' : ''}: first paint ${s.firstPaintMs.toFixed(0)} ms, heap ${s.heapMB.toFixed(1)} MB, ${s.articles} articles, ${s.domNodes} DOM nodes, longest task ${s.longestTaskMs.toFixed(0)} ms`);
        if (i === 0) cold = s.firstPaintMs;
        else samples.push(s);
      }
      results.open = { samples, coldFirstPaintMs: cold };
    }
    await setUpConnection(world);

    if (want('stream')) {
      for (const rate of o.rates) {
        const spec = specFor(answer, CHUNK_CHARS, delayFor(rate));
        const r: RateResult = { tokensPerSecond: rate, delayMs: spec.delayMs, samples: [], noProbes: null, heap: [] };
        for (let i = 0; i < o.streamRuns; i++) {
          const s = await streamOnce(world, spec, { conversationId: take(), probes: true, heap: false, analysis: false }, `${rate}-${i}`);
          r.samples.push(s);
          o.log(`  ${rate} tok/s #${i + 1}: ${describeSample(s)}`);
        }
        try {
          // The same stream without our latency probes: how much of the busy share is the measuring itself.
          r.noProbes = await streamOnce(world, spec, { conversationId: take(), probes: false, heap: false, analysis: false }, `${rate}-np`);
          o.log(`  ${rate} tok/s without probes: ${describeSample(r.noProbes)}`);
        } catch (error) {
          o.log(`  ${rate} tok/s without probes failed: ${String(error)}`);
        }
        for (let i = 0; i < o.heapRuns; i++) {
          const s = await streamOnce(world, spec, { conversationId: take(), probes: false, heap: true, analysis: false }, `${rate}-heap${i}`);
          r.heap.push(s);
          o.log(`  ${rate} tok/s heap run #${i + 1}: ${describeSample(s)}`);
        }
        results.rates.push(r);
      }
    }

    if (want('pathological')) {
      const cases: [string, BenchAnswer, number, number][] = [
        ['2 MB, no blank lines', noBlankLines(), 1_000, 5],
        ['10 MB of paragraphs', paragraphs(), 5_000, 5],
        ['repeated sections in 12-character chunks', repeatedSections(), 12, 5],
      ];
      for (const [name, a, chunkChars, delayMs] of cases) {
        const result: PathologicalResult = { name, shape: a.shape, chars: a.text.length, chunkChars, delayMs, sample: null };
        try {
          result.sample = await streamOnce(world, specFor(a, chunkChars, delayMs), { conversationId: null, probes: true, heap: false, analysis: false }, name);
          o.log(`  ${name}: ${describeSample(result.sample)}`);
        } catch (error) {
          result.error = String(error).split('\n')[0];
          o.log(`  ${name} failed: ${String(error)}`);
        }
        results.pathological.push(result);
      }
    }

    if (want('concurrent')) {
      const rate = 500;
      const ids = Array.from({ length: 10 }, take);
      const s = await concurrentOnce(world, answer, ids, CHUNK_CHARS, delayFor(rate));
      results.concurrent = { ...s, tokensPerSecond: rate };
      o.log(`  ten at once: busy ${(s.busy * 100).toFixed(1)} % over ${s.windowSeconds.toFixed(1)} s, longest task ${s.longestTaskMs.toFixed(0)} ms, ${s.intact}/${s.answers} answers intact, host CPU ${s.hostCpuMs.toFixed(0)} ms`);
    }

    if (want('analysis')) {
      o.log('  analysis: one traced open and one traced stream (devtools.timeline) …');
      try {
        const open = await openOnce(world, o.longConversationId, true);
        const st = await streamOnce(world, specFor(answer, CHUNK_CHARS, delayFor(500)), { conversationId: take(), probes: true, heap: false, analysis: true }, 'analysis');
        results.analysis = { open: open.top ?? [], openMs: open.firstPaintMs, stream: st.top ?? [], streamJs: st.jsByScript ?? [], streamSeconds: st.seconds };
      } catch (error) {
        o.log(`  analysis failed (figures above are unaffected): ${String(error)}`);
      }
    }

    if (want('host-profile')) {
      o.log('  host under --cpu-prof: one stream at 500 tok/s …');
      try {
        results.hostProfile = await profileHost(world, specFor(answer, CHUNK_CHARS, delayFor(500)), take(), 'host-profile');
        o.log(`  host profile: ${results.hostProfile.byArea.map((x) => `${x.name} ${x.selfMs.toFixed(0)}`).join(', ')}`);
      } catch (error) {
        o.log(`  host profile failed: ${String(error)}`);
      }
    }
    return results;
  } finally {
    await world.stop();
  }
}

/** Medians of a rate's runs, for the report. */
export function rateStats(r: RateResult) {
  const of = (f: (s: StreamSample) => number) => stat(r.samples.map(f));
  return {
    busy: of((s) => s.busy),
    busyMetrics: of((s) => s.busyMetrics),
    longest: of((s) => s.longestTaskMs),
    lastChar: of((s) => s.lastCharMs),
    settle: of((s) => s.settleMs),
    hostCpu: stat([...r.samples, ...r.heap, ...(r.noProbes ? [r.noProbes] : [])].map((s) => s.hostCpuMs)),
    seconds: of((s) => s.seconds),
    cps: of((s) => s.charsPerSecond),
  };
}
