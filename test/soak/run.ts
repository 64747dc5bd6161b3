/**
 * `npm run soak`: the soak of test/soak/soak.ts for about ten minutes (bounded by time, not sends),
 * in a private D-Bus + gnome-keyring, against the built host (`npm run build` first). Prints the
 * samples, writes its section of BENCHMARKS.md and exits 1 when anything did not stay flat.
 *
 *   npm run soak -- [--minutes 10] [--conversations 50] [--out BENCHMARKS.md]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startKeyringSession } from '../harness/keyring-session';
import { runSoak, soakProblems, type SoakReport } from './soak';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    conversations: { type: 'string', default: '50' },
    out: { type: 'string', default: fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url)) },
  },
});

export const SOAK_START = '<!-- soak section: written by test/soak/run.ts -->';
export const SOAK_END = '<!-- /soak section -->';

function section(report: SoakReport, problems: string[], command: string): string {
  const { baseline, final } = report;
  const rows = report.samples
    .map((s) => `| ${s.sends.toLocaleString('en')} | ${(s.atMs / 1000).toFixed(0)} | ${s.fds} | ${s.heapMb.toFixed(1)} | ${s.busListeners} | ${s.handles} |`)
    .join('\n');
  return `${SOAK_START}
## Soak: a long day, compressed (browser host)

Measured by \`${command}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC against the built host
(\`dist-electron/web.cjs\`, run with \`--inspect\`; heap = V8 heap in use after two full GCs through the inspector).

- Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown'}; ${(totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(freemem() / 2 ** 30).toFixed(1)} GiB free; Node ${process.version};
  load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min).
- Work: ${report.sends.toLocaleString('en')} sends over ${report.conversations} conversations against the fixture, ${report.keyReads.toLocaleString('en')} key reads
  from the real gnome-keyring (connections.list), ${report.settingsChanges.toLocaleString('en')} settings changes (theme, timeouts, connection rename),
  ${report.reconnects} page reconnects (the bridge closed and opened again), in ${(report.durationMs / 60_000).toFixed(1)} min.
- Stored: ${report.stored.answersDone.toLocaleString('en')} of ${report.sends.toLocaleString('en')} answers stored as done (${report.stored.messages.toLocaleString('en')} messages),
  \`PRAGMA integrity_check\`: ${String(report.stored.integrity)}; the fixture saw ${report.requests.chats.toLocaleString('en')} chat requests,
  ${report.requests.withKey.toLocaleString('en')} with the key. SIGTERM at the end: exit ${report.exitCode} in ${report.exitMs} ms.
- Baseline (after ${baseline.sends} sends) → end: open fds ${baseline.fds} → ${final.fds}, heap after GC ${baseline.heapMb.toFixed(1)} → ${final.heapMb.toFixed(1)} MB,
  event-bus listeners ${baseline.busListeners} → ${final.busListeners} (one page attached at the end), libuv handles ${baseline.handles} → ${final.handles}.
- Verdict: ${problems.length === 0 ? 'flat (fds ≤ +5, heap ≤ +max(4 MB, 15 %), one listener per page, handles ≤ +3, every answer stored with its key)' : problems.join('; ')}.
  The same checks run for 600 sends in \`npm test\` (test/integration/faults/soak.test.ts).

| sends | s | open fds | heap after GC (MB) | bus listeners | handles |
|---|---|---|---|---|---|
${rows}
${SOAK_END}`;
}

const session = await startKeyringSession();
let problems: string[] = [];
try {
  const report = await runSoak({
    env: { DBUS_SESSION_BUS_ADDRESS: session.busAddress },
    durationMs: Number(values.minutes) * 60_000,
    conversations: Number(values.conversations),
    warmupSends: 200,
    sampleEvery: 1_000,
    log: (line) => console.log(line),
  });
  problems = soakProblems(report);
  const command = `npm run soak${process.argv.slice(2).length ? ' -- ' + process.argv.slice(2).join(' ') : ''}`;
  const block = section(report, problems, command);
  const previous = existsSync(values.out) ? readFileSync(values.out, 'utf8') : '# Benchmarks\n';
  const start = previous.indexOf(SOAK_START);
  const end = previous.indexOf(SOAK_END);
  const next = start >= 0 && end > start ? previous.slice(0, start) + block + previous.slice(end + SOAK_END.length) : `${previous.trimEnd()}\n\n${block}\n`;
  writeFileSync(values.out, next);
  console.log(block);
} finally {
  await session.stop();
}
for (const problem of problems) console.log(`soak: FAILED: ${problem}`);
process.exitCode = problems.length > 0 ? 1 : 0;
