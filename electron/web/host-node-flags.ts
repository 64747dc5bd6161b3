import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The Node options the browser host runs with, kept in `host-node-flags.json` beside this file so
 * whatever starts a host (`npm run web`, the tests' and the benchmark's spawners) starts it the
 * same way, and a spawner starting another build's host reads that build's own options.
 * A missing file means none (builds from before the file existed).
 *
 * `--min-semi-space-size=16`: the young generation starts at 16 MB (V8's default maximum here)
 * instead of 1 MB. A streamed answer makes a few MB of short-lived garbage per second (frames,
 * their JSON, deltas, messages); in a small young generation it is scavenged far more often and
 * more of it is promoted. Measured on a warm host (test/bench/probes/host-stream-cpu.ts, two runs
 * of 6 answers per build): 1,920 against 2,270 and 1,910 against 2,010 ms of CPU per 500 tok/s
 * answer; a freshly started host's first answer did not change. It costs up to 16 MB more memory.
 */
export function hostNodeFlags(root: string): string[] {
  const file = resolve(root, 'electron/web/host-node-flags.json');
  if (!existsSync(file)) return [];
  const flags: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(flags) || !flags.every((f) => typeof f === 'string')) throw new Error(`${file}: expected an array of strings`);
  return flags;
}
