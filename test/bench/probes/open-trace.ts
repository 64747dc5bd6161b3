/**
 * Where opening the long conversation spends its time, per build, in traced runs (devtools.timeline):
 * `npx tsx test/bench/probes/open-trace.ts <ferry.db> <conversationId> NAME=DIR[,NAME=DIR] [runs] [trace|profile]`.
 * Builds alternate run by run. Prints first paint (wall clock: load-sensitive), the page's main-thread
 * busy time between click and frame (less so), the largest self times in that span and each task in it;
 * with `profile`, also each task's JavaScript self time by function (from a CPU profile taken alongside;
 * build with `npx vite build --minify false` for readable names; OPEN_TASK_FUNCTIONS=N lists more). Writes to the
 * history (bringToTop): use a copy or a bench history.
 */
import { openOnce } from '../open-run';
import { setUpConnection, startWorld } from '../world';

const [dbFile, id, list, runsArg = '3', mode = 'trace'] = process.argv.slice(2);
if (!dbFile || !id || !list) throw new Error('usage: open-trace.ts <ferry.db> <conversationId> NAME=DIR[,NAME=DIR] [runs]');
const builds = list.split(',').map((x) => {
  const [name, root] = x.split('=');
  return { name: name!, root: root! };
});
const world = await startWorld(dbFile, builds[0]!.root);
try {
  await setUpConnection(world);
  for (let i = 0; i <= Number(runsArg); i++) {
    for (const b of builds) {
      if (world.root !== b.root) await world.restartHost({}, b.root);
      const s = await openOnce(world, id, true, mode === 'profile');
      const top = (s.top ?? []).slice(0, 8).map((t) => `${t.name} ${t.selfMs.toFixed(1)}`).join(', ');
      console.log(`${i === 0 ? 'warm-up ' : ''}[${b.name}] first paint ${s.firstPaintMs.toFixed(0)} ms, main thread busy ${s.busyMs?.toFixed(1)} ms; ${top}`);
      for (const t of (s.tasks ?? []).filter((x) => x.ms >= 1)) {
        console.log(`    +${t.atMs.toFixed(1).padStart(6)} ms: ${t.ms.toFixed(1).padStart(5)} ms  ${t.top.map((x) => `${x.name} ${x.selfMs.toFixed(1)}`).join(', ')}`);
        if (t.functions) console.log(`        JS: ${t.functions.map((x) => `${x.name} ${x.selfMs.toFixed(1)}`).join(', ')}`);
      }
    }
  }
} finally {
  await world.stop();
}
