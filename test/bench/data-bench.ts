/**
 * The data section of BENCHMARKS.md: import throughput and peak memory for a generated ChatGPT
 * export, and WebDAV sync times for a large history against a real `rclone serve webdav`. Each
 * measurement runs in a child process of its own, so its peak memory is its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeChatGptExport } from './chatgpt-export';

/** Everything from this line on in BENCHMARKS.md belongs to the data run. */
export const DATA_MARK = '<!-- data section: written by test/bench/data-bench.ts -->';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const child = (script: string, args: string[]) =>
  JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/bench', script), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 }).trim().split('\n').at(-1)!) as Record<string, unknown>;

interface ImportRun {
  parseMs: number;
  commitMs: number;
  messages: number;
  conversations: number;
  baselineRssMB: number;
  peakRssMB: number;
  maxRssMB: number;
  peakHeapMB: number;
}
interface SyncRun {
  ms: number;
  pulled: number;
  pushed: number;
}
interface SyncResults {
  conversations: number;
  messages: number;
  textMB: number;
  serverMB: number;
  rssBeforeMB: number;
  peakRssMB: number;
  firstPush: SyncRun;
  firstPull: SyncRun;
  idle: SyncRun;
  onePush: SyncRun;
  onePull: SyncRun;
}

const f = (x: number, digits = 0) => x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

export async function dataSection(opts: { importMessages: number; importRuns: number; syncConversations: number; syncMessages: number; command: string; log(line: string): void }): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-bench-data-'));
  try {
    const perConversation = 50;
    const file = join(dir, 'conversations.json');
    opts.log(`data: writing a ChatGPT export of ~${opts.importMessages} messages …`);
    const exported = await writeChatGptExport(file, { conversations: Math.ceil(opts.importMessages / perConversation / 1.002), messagesPerConversation: perConversation, branchEvery: 10, seed: 20261201 });
    const runs: ImportRun[] = [];
    for (let i = 0; i < opts.importRuns; i++) {
      const dataDir = join(dir, `import-${i}`);
      mkdirSync(dataDir);
      opts.log(`data: import run ${i + 1}/${opts.importRuns} …`);
      runs.push(child('import-child.ts', [file, dataDir]) as unknown as ImportRun);
      rmSync(dataDir, { recursive: true, force: true });
    }
    opts.log(`data: sync of ${opts.syncConversations} conversations / ${opts.syncMessages} messages …`);
    const sync = child('sync-child.ts', [String(opts.syncConversations), String(opts.syncMessages)]) as unknown as SyncResults;

    const totalMs = runs.map((r) => r.parseMs + r.commitMs);
    const rate = runs.map((r) => r.messages / ((r.parseMs + r.commitMs) / 1000));
    const load = loadavg().map((l) => l.toFixed(1)).join(' / ');
    const s = (run: SyncRun) => `${f(run.ms / 1000, 1)} s`;
    return `${DATA_MARK}
## Import and sync (main side)

Measured by \`${opts.command}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.

- Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown'}; ${(totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(freemem() / 2 ** 30).toFixed(1)} GiB free;
  ${process.platform} ${process.arch}; Node ${process.version}; **load average at the end ${load}** (1/5/15 min; the 2 cores are
  shared, so other work inflates the times — compare ratios within one run).
- Each import runs in a fresh Node process (\`test/bench/import-child.ts\`): the file is streamed
  (\`@streamparser/json\`) into a scratch SQLite file, previewed, then committed in one transaction into an
  empty history. Peak memory is the process's resident set (RSS) sampled every 20 ms and its
  \`maxRSS\`; the baseline is the same process before reading the file (Node, tsx and the loaded modules).

### ChatGPT import: ${f(exported.messages)} messages, ${f(exported.bytes / 2 ** 20, 1)} MiB \`conversations.json\`

${Math.ceil(opts.importMessages / perConversation / 1.002).toLocaleString('en')} conversations of ${perConversation} messages (English/Chinese, some code), every 10th with a regenerated answer, a hidden system root each.

| Measure | median | runs |
|---|---|---|
| throughput (parse + preview + commit) | **${f(median(rate))} messages/s** | ${rate.map((x) => f(x)).join(', ')} |
| whole import | ${f(median(totalMs) / 1000, 1)} s | ${totalMs.map((x) => f(x / 1000, 1)).join(', ')} |
| parse into scratch + preview | ${f(median(runs.map((r) => r.parseMs)) / 1000, 1)} s | ${runs.map((r) => f(r.parseMs / 1000, 1)).join(', ')} |
| commit (one transaction) | ${f(median(runs.map((r) => r.commitMs)) / 1000, 1)} s | ${runs.map((r) => f(r.commitMs / 1000, 1)).join(', ')} |
| peak RSS (maxRSS) | **${f(median(runs.map((r) => r.maxRssMB)))} MiB** | ${runs.map((r) => f(r.maxRssMB)).join(', ')} |
| baseline RSS before the import | ${f(median(runs.map((r) => r.baselineRssMB)))} MiB | ${runs.map((r) => f(r.baselineRssMB)).join(', ')} |
| peak JS heap used | ${f(median(runs.map((r) => r.peakHeapMB)))} MiB | ${runs.map((r) => f(r.peakHeapMB)).join(', ')} |

Messages imported: ${runs.map((r) => f(r.messages)).join(', ')} (the file's visible messages; the hidden system roots are left out).

### WebDAV sync: ${f(sync.conversations)} conversations, ${f(sync.messages)} messages (${f(sync.textMB)} MB of text)

Two data folders against \`rclone serve webdav\` on 127.0.0.1 (\`test/bench/sync-child.ts\`; history from
\`test/bench/generate.ts\`): device A holds the history, device B is empty. A run lists the server, replays the other device's
log files, then uploads gzip + XChaCha20-Poly1305 files of 5,000 records; the key (scrypt N = 2^15)
is derived once per process and cached, so the first run of each device includes it.

| Run | time | records |
|---|---|---|
| A: first sync, uploads everything | **${s(sync.firstPush)}** | ${f(sync.firstPush.pushed)} sent |
| B: first sync, replays everything | **${s(sync.firstPull)}** | ${f(sync.firstPull.pulled)} applied |
| A: nothing changed | ${f(sync.idle.ms)} ms | — |
| A: one new message | ${f(sync.onePush.ms)} ms | ${f(sync.onePush.pushed)} sent |
| B: receives it | ${f(sync.onePull.ms)} ms | ${f(sync.onePull.pulled)} applied |

Server folder after the runs: ${f(sync.serverMB)} MB. Peak RSS of the sync process: ${f(sync.peakRssMB)} MiB (${f(sync.rssBeforeMB)} MiB after generating the history, before the first sync).
`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
