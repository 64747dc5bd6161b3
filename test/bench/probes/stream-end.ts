/**
 * What the end of a pathological answer costs the page, build against build:
 *   npx tsx test/bench/probes/stream-end.ts [--compare name=DIR,…] [--runs 2] [--answer paragraphs|no-blank-lines]
 *     [--categories devtools.timeline,…] [--chunk-chars 5000]
 * Streams the bench's 10 MB answer of paragraphs (or the 2 MB one without blank lines) into a new chat
 * of a small generated history as the bench does (5,000 characters every 20 ms), builds alternating,
 * under a trace of top-level tasks only (devtools.timeline over the whole stream slows it several
 * times). Lists the main thread's tasks from 1 s before the answer's status left "streaming" (the
 * page's `bench-stream-end` mark, set in the task that rendered it) until it settled, with their
 * wall and thread time and, with more categories, the events inside them. `--chunk-chars 50000` sends
 * the same answer ten times faster: the end is the same 10 MB message, and a loaded machine's host
 * keeps up with it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { markTime, median, selfTimes, type TraceEvent } from '../cdp';
import { generateHistory } from '../generate';
import { noBlankLines, paragraphs } from '../pathological';
import { specFor } from '../renderer';
import { streamOnce } from '../stream-run';
import { setUpConnection, startWorld } from '../world';

const { values } = parseArgs({
  options: {
    compare: { type: 'string', default: '' },
    runs: { type: 'string', default: '2' },
    answer: { type: 'string', default: 'paragraphs' },
    categories: { type: 'string', default: '' },
    /** Characters per upstream chunk of the 10 MB answer (the bench: 5,000 every 20 ms). */
    'chunk-chars': { type: 'string', default: '5000' },
  },
});

const builds = [
  ...values.compare.split(',').filter(Boolean).map((pair) => {
    const [name, dir] = pair.split('=');
    return { name: name!, root: resolve(dir!) };
  }),
  { name: 'this build', root: resolve(import.meta.dirname, '..', '..', '..') },
];
const answer = values.answer === 'no-blank-lines' ? noBlankLines() : paragraphs();
const spec = values.answer === 'no-blank-lines' ? specFor(answer, 1_000, 5) : specFor(answer, Number(values['chunk-chars']), 20);
const thread = (e: TraceEvent) => (e as { tdur?: number }).tdur ?? 0;

/** The tasks of the answer's end: from 1 s before its status changed until the trace's end mark. */
function endTasks(events: TraceEvent[], main: { pid: number; tid: number; start: number; end: number }) {
  const done = markTime(events, 'bench-stream-end') ?? main.end;
  const until = markTime(events, 'bench-settled-end') ?? main.end;
  const tasks = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.cat.includes('toplevel') && e.ts >= done - 1e6 && e.ts <= until)
    .sort((a, b) => a.ts - b.ts);
  const top: TraceEvent[] = [];
  for (const e of tasks) if (!top.length || e.ts >= top.at(-1)!.ts + top.at(-1)!.dur!) top.push(e);
  const long = top.filter((e) => e.dur! >= 16_000 || thread(e) >= 16_000);
  const lines = long.map((e) => {
    const inside = selfTimes(events, main.pid, main.tid, e.ts, e.ts + e.dur!).filter((x) => x.selfMs >= 1).slice(0, 6);
    const at = (e.ts - done) / 1000;
    return `${at >= 0 ? '+' : ''}${at.toFixed(0)} ms: ${(e.dur! / 1000).toFixed(0)} ms (thread ${(thread(e) / 1000).toFixed(0)} ms)${e.ts <= done && done <= e.ts + e.dur! ? ' [status changed here]' : ''}: ${inside.map((x) => `${x.name} ${x.selfMs.toFixed(0)}`).join(', ')}`;
  });
  const longestThread = Math.max(0, ...top.map(thread)) / 1000;
  return { lines, longestThread, count: top.length };
}

const dir = mkdtempSync(join(tmpdir(), 'ferry-end-'));
const dbFile = join(dir, 'ferry.db');
generateHistory(dbFile, { conversations: 200, messages: 4_000, longConversation: 500, seed: 20261201 });
const world = await startWorld(dbFile, builds[0]!.root);
const longest = new Map<string, { wall: number[]; thread: number[]; settled: number[] }>(builds.map((b) => [b.name, { wall: [], thread: [], settled: [] }]));
try {
  await setUpConnection(world);
  for (let i = 0; i < Number(values.runs); i++) {
    for (const build of builds) {
      if (world.root !== build.root) await world.restartHost({}, build.root);
      let found: ReturnType<typeof endTasks> | undefined;
      const s = await streamOnce(
        world,
        spec,
        {
          conversationId: null,
          probes: true,
          heap: false,
          analysis: false,
          timeoutMs: 400_000,
          trace: { categories: values.categories.split(',').filter(Boolean), inspect: (events, main) => (found = endTasks(events, main)) },
        },
        `end-${i}`,
      );
      const r = longest.get(build.name)!;
      r.wall.push(s.longestUntilSettledMs);
      r.thread.push(found!.longestThread);
      r.settled.push(s.settleMs);
      console.log(
        `#${i + 1} [${build.name}] stream ${s.seconds.toFixed(1)} s, settled ${s.settleMs.toFixed(0)} ms after the upstream, longest task until settled ${s.longestUntilSettledMs.toFixed(0)} ms, ` +
          `end: ${found!.count} tasks, longest thread time ${found!.longestThread.toFixed(0)} ms (load ${loadavg()[0]!.toFixed(1)})\n      ${found!.lines.join('\n      ')}`,
      );
    }
  }
  for (const [name, r] of longest) {
    console.log(`${name}: longest until settled median ${median(r.wall).toFixed(0)} ms (${r.wall.map((x) => x.toFixed(0)).join(', ')}); longest end task thread time median ${median(r.thread).toFixed(0)} ms (${r.thread.map((x) => x.toFixed(0)).join(', ')}); settled median ${median(r.settled).toFixed(0)} ms (${r.settled.map((x) => x.toFixed(0)).join(', ')})`);
  }
} finally {
  await world.stop();
  rmSync(dir, { recursive: true, force: true });
}
