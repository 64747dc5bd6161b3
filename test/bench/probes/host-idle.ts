/**
 * What the browser host costs doing nothing: `npx tsx test/bench/probes/host-idle.ts`. Starts it on a
 * small generated history and reads its CPU time (all threads, /proc) over 10 s windows: right after
 * start, later, and with the app open in a page (the bridge's socket connected, nothing happening).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateHistory } from '../generate';
import { THIS_BUILD } from '../renderer';
import { newPage, processCpuMs, sleep, startWorld } from '../world';

const dir = mkdtempSync(join(tmpdir(), 'ferry-idle-'));
const file = join(dir, 'ferry.db');
generateHistory(file, { conversations: 500, messages: 20_000, longConversation: 2000, seed: 20261127 });
const world = await startWorld(file, THIS_BUILD.root);
const window = async (label: string) => {
  const pid = world.host.child.pid!;
  const before = processCpuMs(pid);
  await sleep(10_000);
  console.log(`${label}: ${(processCpuMs(pid) - before).toFixed(0)} ms CPU in 10 s`);
};
try {
  await window('just started');
  await window('10 s later');
  await window('20 s later');
  const { context } = await newPage(world);
  await sleep(2_000);
  await window('with the app open in a page');
  await window('the page still open, 10 s later');
  await context.close();
  await window('page closed');
} finally {
  await world.stop();
  rmSync(dir, { recursive: true, force: true });
}
