/**
 * Renderer benchmarks in Chromium through the browser host (`dist-electron/web.cjs`, the built
 * `dist/renderer`), in the full app (sidebar over the generated history):
 * - opening the 2,000-message conversation (first paint, heap, longest task);
 * - the long answer streamed at each rate into its own copy of that conversation (busy share,
 *   longest task, chunk-to-paint, last character, settling, heap per quarter, host CPU);
 * - the pathological answers (pathological.ts), each into a new chat;
 * - ten answers at once in ten conversations;
 * - where the time goes: one traced stream, and the host under a CPU profiler.
 * With several builds (`--compare before=DIR`), every run is made for each build in turn, so
 * before and after share the machine's load. Used by run.ts; see "How the renderer is measured".
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { stat, type Stat, type TopCost } from './cdp';
import { concurrentOnce, type ConcurrentSample } from './concurrent-run';
import { profileHost, type HostProfile } from './host-profile';
import { openOnce, switchOnce, type OpenSample } from './open-run';
import { noBlankLines, paragraphs, repeatedSections } from './pathological';
import { cutIntoChunks, longAnswer, type BenchAnswer } from './stream-answer';
import { describeSample, streamOnce, type StreamSample, type StreamSpec } from './stream-run';
import { bringToTop, cloneConversation, setUpConnection, startWorld } from './world';

export type { Stat, TopCost };

export const SCENARIOS = ['open', 'stream', 'pathological', 'concurrent', 'analysis', 'host-profile'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface Build {
  name: string;
  /** A built copy of the app (package.json, dist/, dist-electron/, node_modules). */
  root: string;
}
export const THIS_BUILD: Build = { name: 'this build', root: resolve(import.meta.dirname, '..', '..') };

export interface RendererBenchOptions {
  /** A history made by generate.ts; its folder becomes the host's data folder. */
  dbFile: string;
  /** Measured in turn, run by run; the last is the build the targets are checked on. */
  builds: Build[];
  longConversationId: string;
  openRuns: number;
  streamRuns: number;
  heapRuns: number;
  rates: number[];
  scenarios: readonly Scenario[];
  pathologicalTimeoutMs: number;
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
  /** One run with the mouse left over the answer (hover updates after every layout). */
  pointer: StreamSample | null;
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

export interface BuildResults {
  build: Build;
  open?: { samples: OpenSample[]; coldFirstPaintMs: number; switches: { switchMs: number; longestTaskMs: number }[] };
  rates: RateResult[];
  pathological: PathologicalResult[];
  concurrent?: ConcurrentSample & { tokensPerSecond: number };
}

export interface RendererResults {
  chromium: string;
  answer: { chars: number; markers: number; shape: string };
  builds: BuildResults[];
  analysis?: { stream: TopCost[]; streamJs: TopCost[]; streamFunctions: TopCost[]; streamSeconds: number; open: TopCost[]; openMs: number };
  hostProfile?: HostProfile;
  /** The 1-minute load average after each measured run (the machine is shared). */
  loads: number[];
}

export function specFor(answer: BenchAnswer, chunkChars: number, delayMs: number): StreamSpec {
  return { answer, chunks: cutIntoChunks(answer.text, chunkChars), delayMs };
}

export async function runRendererBench(o: RendererBenchOptions): Promise<RendererResults> {
  const want = (s: Scenario) => o.scenarios.includes(s);
  bringToTop(o.dbFile, o.longConversationId);
  const answer = longAnswer();
  const builds = o.builds;
  const current = builds.at(-1)!;
  // Every stream into the long conversation gets its own copy of it.
  const perRate = o.streamRuns + 2 + o.heapRuns;
  const copiesNeeded =
    builds.length * ((want('stream') ? perRate * o.rates.length : 0) + (want('concurrent') ? 10 : 0)) +
    (want('analysis') ? 1 : 0) +
    (want('host-profile') ? 1 : 0);
  const copies = cloneConversation(o.dbFile, o.longConversationId, copiesNeeded, `b${Date.now().toString(36)}-`);
  bringToTop(o.dbFile, o.longConversationId);
  const take = () => copies.shift()!;
  const world = await startWorld(o.dbFile, builds[0]!.root);
  const results: RendererResults = {
    chromium: world.browser.version(),
    answer: { chars: answer.text.length, markers: answer.markers.length, shape: answer.shape },
    builds: builds.map((build) => ({ build, rates: [], pathological: [] })),
    loads: [],
  };
  /** Runs `fn` once per build, on a host started from that build. */
  const eachBuild = async (fn: (b: BuildResults, tag: string) => Promise<void>) => {
    for (const b of results.builds) {
      if (world.root !== b.build.root) await world.restartHost({}, b.build.root);
      await fn(b, builds.length > 1 ? ` [${b.build.name}]` : '');
      results.loads.push(loadavg()[0]!);
      o.log(`    (load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')})`);
    }
  };
  try {
    // First: a history folder made for this run has no connection yet, and until one is set up the
    // app shows its first-run screen instead of the sidebar the open runs click in.
    await setUpConnection(world);
    if (want('open')) {
      for (let i = 0; i <= o.openRuns; i++) {
        await eachBuild(async (b, tag) => {
          const s = await openOnce(world, o.longConversationId, false);
          o.log(`  open #${i}${i === 0 ? ' (warm-up)' : ''}${tag}: first paint ${s.firstPaintMs.toFixed(0)} ms, heap ${s.heapMB.toFixed(1)} MB, ${s.articles} articles, ${s.domNodes} DOM nodes, longest task ${s.longestTaskMs.toFixed(0)} ms`);
          b.open ??= { samples: [], coldFirstPaintMs: NaN, switches: [] };
          if (i === 0) b.open.coldFirstPaintMs = s.firstPaintMs;
          else b.open.samples.push(s);
        });
      }
    }
    if (want('open')) {
      // Two long conversations: the long one and a copy of it, back and forth.
      const other = cloneConversation(o.dbFile, o.longConversationId, 1, `s${Date.now().toString(36)}-`)[0]!;
      for (let i = 0; i < o.openRuns; i++) {
        await eachBuild(async (b, tag) => {
          const [from, to] = i % 2 ? [other, o.longConversationId] : [o.longConversationId, other];
          const s = await switchOnce(world, from, to);
          o.log(`  switch #${i + 1}${tag}: ${s.switchMs.toFixed(0)} ms to the first frame of the other conversation, longest task ${s.longestTaskMs.toFixed(0)} ms`);
          b.open?.switches.push(s);
        });
      }
    }

    if (want('stream')) {
      for (const rate of o.rates) {
        const spec = specFor(answer, CHUNK_CHARS, delayFor(rate));
        const byBuild = new Map(results.builds.map((b) => [b, { tokensPerSecond: rate, delayMs: spec.delayMs, samples: [], noProbes: null, pointer: null, heap: [] } as RateResult]));
        for (const b of results.builds) b.rates.push(byBuild.get(b)!);
        for (let i = 0; i < o.streamRuns; i++) {
          await eachBuild(async (b, tag) => {
            const s = await streamOnce(world, spec, { conversationId: take(), probes: true, heap: false, analysis: false }, `${rate}-${i}`);
            byBuild.get(b)!.samples.push(s);
            o.log(`  ${rate} tok/s #${i + 1}${tag}: ${describeSample(s)}`);
          });
        }
        await eachBuild(async (b, tag) => {
          try {
            // The same stream without our latency probes: how much of the busy share is the measuring itself.
            const s = await streamOnce(world, spec, { conversationId: take(), probes: false, heap: false, analysis: false }, `${rate}-np`);
            byBuild.get(b)!.noProbes = s;
            o.log(`  ${rate} tok/s without probes${tag}: ${describeSample(s)}`);
          } catch (error) {
            o.log(`  ${rate} tok/s without probes failed${tag}: ${String(error)}`);
          }
        });
        await eachBuild(async (b, tag) => {
          try {
            const s = await streamOnce(world, spec, { conversationId: take(), probes: true, heap: false, analysis: false, pointer: true }, `${rate}-ptr`);
            byBuild.get(b)!.pointer = s;
            o.log(`  ${rate} tok/s with the mouse over the answer${tag}: ${describeSample(s)}`);
          } catch (error) {
            o.log(`  ${rate} tok/s with the mouse over the answer failed${tag}: ${String(error)}`);
          }
        });
        for (let i = 0; i < o.heapRuns; i++) {
          await eachBuild(async (b, tag) => {
            const s = await streamOnce(world, spec, { conversationId: take(), probes: false, heap: true, analysis: false }, `${rate}-heap${i}`);
            byBuild.get(b)!.heap.push(s);
            o.log(`  ${rate} tok/s heap run #${i + 1}${tag}: ${describeSample(s)}`);
          });
        }
      }
    }

    if (want('pathological')) {
      const cases: [string, () => BenchAnswer, number, number][] = [
        ['2 MB, no blank lines', () => noBlankLines(), 1_000, 5],
        // 250 KB/s: the parser (~1 MB/s on these machines) keeps up, so what is measured is the cost
        // per update as the answer grows, not the parser's throughput.
        ['10 MB of paragraphs', () => paragraphs(), 5_000, 20],
        ['repeated sections in 12-character chunks', () => repeatedSections(), 12, 5],
      ];
      for (const [name, make, chunkChars, delayMs] of cases) {
        const a = make();
        const spec = specFor(a, chunkChars, delayMs);
        await eachBuild(async (b, tag) => {
          const result: PathologicalResult = { name, shape: a.shape, chars: a.text.length, chunkChars, delayMs, sample: null };
          try {
            result.sample = await streamOnce(world, spec, { conversationId: null, probes: true, heap: false, analysis: false, timeoutMs: o.pathologicalTimeoutMs }, name);
            o.log(`  ${name}${tag}: ${describeSample(result.sample)}`);
          } catch (error) {
            result.error = String(error).split('\n')[0];
            o.log(`  ${name} failed${tag}: ${String(error)}`);
          }
          b.pathological.push(result);
        });
      }
    }

    if (want('concurrent')) {
      const rate = 500;
      await eachBuild(async (b, tag) => {
        const ids = Array.from({ length: 10 }, take);
        const s = await concurrentOnce(world, answer, ids, CHUNK_CHARS, delayFor(rate));
        b.concurrent = { ...s, tokensPerSecond: rate };
        o.log(`  ten at once${tag}: busy ${(s.busy * 100).toFixed(1)} % over ${s.windowSeconds.toFixed(1)} s, longest task ${s.longestTaskMs.toFixed(0)} ms, ${s.intact}/${s.answers} answers intact, host CPU ${s.hostCpuMs.toFixed(0)} ms`);
      });
    }

    if (world.root !== current.root) await world.restartHost({}, current.root);
    if (want('analysis')) {
      o.log('  analysis: one traced open and one traced stream (devtools.timeline) …');
      try {
        const open = await openOnce(world, o.longConversationId, true);
        const st = await streamOnce(world, specFor(answer, CHUNK_CHARS, delayFor(500)), { conversationId: take(), probes: true, heap: false, analysis: true }, 'analysis');
        results.analysis = { open: open.top ?? [], openMs: open.firstPaintMs, stream: st.top ?? [], streamJs: st.jsByScript ?? [], streamFunctions: st.jsByFunction ?? [], streamSeconds: st.seconds };
      } catch (error) {
        o.log(`  analysis failed (figures above are unaffected): ${String(error)}`);
      }
    }

    if (want('host-profile')) {
      o.log('  host with its inspector open: one stream at 500 tok/s under the CPU profiler …');
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
