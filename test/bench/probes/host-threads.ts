/**
 * Where the browser host's CPU for one streamed answer goes, by thread and by phase:
 * `npx tsx test/bench/probes/host-threads.ts <history.db> [runs] [before=DIR …]`.
 * Streams the bench's long answer at 500 tok/s into copies of the 2,000-message conversation (as the
 * stream scenario does) and reads /proc/<pid>/task/<tid>/stat and the process's own stat around it:
 * the process figure is what the bench reports; the threads' sum falls short of it only by threads
 * that ended inside the window. Phases: Enter → the upstream's first frame, streaming, [DONE] → settled.
 * With builds given (name=DIR), runs alternate between them and this build.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import Database from 'libsql';
import { specFor, delayFor, CHUNK_CHARS } from '../renderer';
import { longAnswer } from '../stream-answer';
import { streamOnce } from '../stream-run';
import { cloneConversation, nodeNow, processCpuMs, setUpConnection, startWorld } from '../world';

const [dbFile, runsArg, ...rest] = process.argv.slice(2);
if (!dbFile) throw new Error('usage: host-threads.ts <history.db> [runs] [name=DIR …]');
const runs = Number(runsArg ?? 2);
const builds = [...rest.map((b) => ({ name: b.split('=')[0]!, root: resolve(b.split('=')[1]!) })), { name: 'this build', root: resolve(import.meta.dirname, '..', '..', '..') }];

/** Preloaded into the host: SIGUSR2 starts V8's sampling profiler (1 ms), the next one writes the profile. */
const PROFILE_SELF = `
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');
const session = new Session();
session.connect();
let on = false;
process.on('SIGUSR2', () => {
  if (!on) {
    on = true;
    session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 1000 }, () => session.post('Profiler.start')));
  } else {
    on = false;
    session.post('Profiler.stop', (err, { profile }) => writeFileSync(process.env.FERRY_PROBE_PROFILE_OUT, JSON.stringify(profile)));
  }
});
`;

const TICK_MS = 10;
function threads(pid: number): Map<string, { name: string; ms: number }> {
  const out = new Map<string, { name: string; ms: number }>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(tid, { name, ms: (Number(f[11]) + Number(f[12])) * TICK_MS });
    } catch {
      // ended between the listing and the read
    }
  }
  return out;
}

const db = new Database(dbFile, { readonly: true });
const longId = String((db.prepare('SELECT conversation_id AS id FROM messages GROUP BY conversation_id HAVING count(*) = 2000 LIMIT 1').get() as { id: string }).id);
db.close();
const copies = cloneConversation(dbFile, longId, runs * builds.length, `ht${Date.now().toString(36)}-`);
const answer = longAnswer();
const spec = specFor(answer, CHUNK_CHARS, delayFor(500));
const world = await startWorld(dbFile, builds[0]!.root);

// Phase marks from the fixture's writes (this process).
let firstFrame = 0;
let doneAt = 0;
const write = ServerResponse.prototype.write;
ServerResponse.prototype.write = function (this: ServerResponse, chunk: unknown, ...a: unknown[]) {
  if (typeof chunk === 'string' && chunk.startsWith('data: ')) {
    if (!firstFrame) firstFrame = nodeNow();
    if (chunk.startsWith('data: [DONE]')) doneAt = nodeNow();
  }
  return (write as (...x: unknown[]) => boolean).call(this, chunk, ...a);
} as typeof write;

try {
  await setUpConnection(world);
  for (let r = 0; r < runs; r++) {
    for (const b of builds) {
      // FERRY_PROBE_CPU_PROF=DIR: the host profiles itself over the window (SIGUSR2 starts and stops) and writes the profile there.
      const prof = process.env.FERRY_PROBE_CPU_PROF;
      if (prof) writeFileSync(join(prof, 'profile-self.cjs'), PROFILE_SELF);
      if (world.root !== b.root || prof)
        await world.restartHost(prof ? { NODE_OPTIONS: `--require ${join(prof, 'profile-self.cjs')}`, FERRY_PROBE_PROFILE_OUT: join(prof, `${b.name.replace(/\W+/g, '-')}-${r}.cpuprofile`) } : {}, b.root);
      const pid = world.host.child.pid!;
      // The host doing nothing for 10 s, as a floor for the window below (timers, keep-alives).
      const idle0 = processCpuMs(pid);
      await new Promise((r) => setTimeout(r, 10_000));
      const idleMs = processCpuMs(pid) - idle0;
      let t0 = 0;
      let before = new Map<string, { name: string; ms: number }>();
      let p0 = 0;
      const marks: { at: number; cpu: number }[] = [];
      const timer = setInterval(() => marks.push({ at: nodeNow(), cpu: processCpuMs(pid) }), 250);
      let after = before;
      let p1 = 0;
      let t1 = 0;
      firstFrame = doneAt = 0;
      await streamOnce(
        world,
        spec,
        {
          conversationId: copies.shift()!,
          probes: false,
          heap: false,
          analysis: false,
          around: {
            start: async () => {
              if (prof) process.kill(pid, 'SIGUSR2');
              before = threads(pid);
              p0 = processCpuMs(pid);
              t0 = nodeNow();
            },
            stop: async () => {
              after = threads(pid);
              p1 = processCpuMs(pid);
              t1 = nodeNow();
              if (prof) process.kill(pid, 'SIGUSR2');
            },
          },
        },
        `threads ${r}`,
      );
      clearInterval(timer);
      const cpuAt = (t: number) => marks.reduce((best, m) => (Math.abs(m.at - t) < Math.abs(best.at - t) ? m : best), marks[0]!).cpu;
      const per = new Map<string, number>();
      let sum = 0;
      for (const [tid, a] of after) {
        const d = a.ms - (before.get(tid)?.ms ?? 0);
        sum += d;
        // The main (JavaScript) thread has the process's id; the others are libuv's pool, V8's helpers (GC, compiler), libsql's.
        const key = tid === String(pid) ? 'main' : a.name;
        per.set(key, (per.get(key) ?? 0) + d);
      }
      const startup = cpuAt(firstFrame) - p0;
      const streaming = cpuAt(doneAt) - cpuAt(firstFrame);
      const tail = p1 - cpuAt(doneAt);
      console.log(
        `${b.name} run ${r}: process ${(p1 - p0).toFixed(0)} ms over ${((t1 - t0) / 1000).toFixed(1)} s; threads sum ${sum} ms (` +
          [...per].sort((x, y) => y[1] - x[1]).map(([n, ms]) => `${n} ${ms}`).join(', ') +
          `); idle ${idleMs.toFixed(0)} ms per 10 s; phases ≈ before first frame ${startup.toFixed(0)} / streaming ${streaming.toFixed(0)} (${((doneAt - firstFrame) / 1000).toFixed(1)} s) / after [DONE] ${tail.toFixed(0)} (${((t1 - doneAt) / 1000).toFixed(1)} s) ms`,
      );
    }
  }
} finally {
  ServerResponse.prototype.write = write;
  await world.stop();
}
