/**
 * `npm test`: checks system programs, starts a private Secret Service, builds the bundles, runs Vitest
 * then Playwright against them, and ends with the line CI reads: `N passed, N failed[, N skipped]`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKeyringSession, type KeyringSession } from './keyring-session';
import { addCounts, countPlaywright, countVitest, emptyCounts, playwrightSkips, readReport, summaryLine, type Counts } from './report';
import { runStep, stopRunningSteps } from './run-step';
import { missingSystemDeps } from './system-deps';

interface Runner {
  name: string;
  command: string;
  args: string[];
  reportPath: string;
  extraEnv?: NodeJS.ProcessEnv;
  count: (json: unknown) => { counts: Counts; problems: string[] };
  /** Lines worth printing after the counts (e.g. why a test was skipped). */
  notes?: (json: unknown) => string[];
}

const log = (line: string) => console.log(`[harness] ${line}`);

let interrupted: NodeJS.Signals | null = null;
// `once`: a second Ctrl-C falls back to the default and ends the harness at once.
for (const name of ['SIGINT', 'SIGTERM'] as const) {
  process.once(name, () => {
    interrupted = name;
    log(`${name} received: stopping and cleaning up`);
    stopRunningSteps(name);
  });
}

/** Runs one test runner and turns its exit code and JSON report into counts; whatever is off counts as a failure. */
async function runRunner(runner: Runner, env: NodeJS.ProcessEnv): Promise<{ counts: Counts; problems: string[] }> {
  log(`running ${runner.name}: ${[runner.command, ...runner.args].join(' ')}`);
  const exitCode = await runStep(runner.command, runner.args, { ...env, ...runner.extraEnv });
  const report = await readReport(runner.reportPath);
  if (!report.ok) {
    return { counts: { ...emptyCounts(), failed: 1 }, problems: [`${runner.name}: no report (exit ${exitCode}): ${report.reason}`] };
  }
  let result: { counts: Counts; problems: string[] };
  try {
    result = runner.count(report.json);
  } catch (error) {
    return { counts: { ...emptyCounts(), failed: 1 }, problems: [`${runner.name}: unreadable report: ${String(error)}`] };
  }
  log(`${runner.name}: ${summaryLine(result.counts)} (exit ${exitCode})`);
  for (const note of runner.notes?.(report.json) ?? []) log(`${runner.name} ${note}`);
  // e.g. Vitest's unhandled errors: every test passed, yet the run did not.
  if (exitCode !== 0 && result.counts.failed === 0) {
    return {
      counts: { ...result.counts, failed: 1 },
      problems: [...result.problems, `${runner.name} exited with ${exitCode} although its report shows no failed test`],
    };
  }
  return result;
}

/** Counted as one test each. The renderer has its own tsconfig (DOM, Vite types); vite build does not typecheck. */
const STATIC_CHECKS = [
  { name: 'typecheck (main, shared, tests)', args: ['tsc', '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'typecheck (renderer and its tests)', args: ['tsc', '--noEmit', '-p', 'renderer/tsconfig.json'] },
  { name: 'lint', args: ['eslint', '.'] },
];

async function runEverything(session: KeyringSession, reportsDir: string): Promise<{ counts: Counts; problems: string[] }> {
  let counts = emptyCounts();
  const problems: string[] = [];

  // npx --no: fail instead of downloading a tool that `npm ci` should have installed.
  log('building bundles: npx vite build');
  const buildExit = await runStep('npx', ['--no', '--', 'vite', 'build'], session.env);
  if (buildExit !== 0) {
    counts.failed += 1;
    problems.push(`vite build failed (exit ${buildExit}); end-to-end tests use stale or missing bundles`);
  }

  // Type errors and lint findings fail the run like a failing test: CI runs only `npm test`.
  for (const check of STATIC_CHECKS) {
    if (interrupted) break;
    log(`${check.name}: ${check.args.join(' ')}`);
    const exit = await runStep('npx', ['--no', '--', ...check.args], session.env);
    if (exit === 0) counts.passed += 1;
    else {
      counts.failed += 1;
      problems.push(`${check.name} failed (exit ${exit}); its findings are printed above`);
    }
  }

  const vitestReport = join(reportsDir, 'vitest.json');
  const playwrightReport = join(reportsDir, 'playwright.json');
  const runners: Runner[] = [
    {
      name: 'vitest',
      command: 'npx',
      args: ['--no', '--', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`],
      reportPath: vitestReport,
      count: countVitest,
    },
    {
      name: 'playwright',
      command: 'npx',
      args: ['--no', '--', 'playwright', 'test', '-c', 'test/e2e/playwright.config.ts', '--reporter=list,json'],
      reportPath: playwrightReport,
      extraEnv: { PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightReport },
      count: countPlaywright,
      notes: playwrightSkips,
    },
  ];
  for (const runner of runners) {
    if (interrupted) break;
    const result = await runRunner(runner, session.env);
    counts = addCounts(counts, result.counts);
    problems.push(...result.problems);
  }
  return { counts, problems };
}

/** What must be undone however the run ends. */
const owned: { session: KeyringSession | null; reportsDir: string | null } = { session: null, reportsDir: null };

async function releaseAll(): Promise<void> {
  const { session, reportsDir } = owned;
  owned.session = null;
  owned.reportsDir = null;
  await session?.stop();
  if (reportsDir) await rm(reportsDir, { recursive: true, force: true });
}

// A throw inside an event handler skips `finally`: still stop the bus and keyring, still end with the summary.
process.once('uncaughtException', (error) => {
  console.error(error);
  stopRunningSteps('SIGTERM');
  void releaseAll().finally(() => {
    console.log(`[harness] FAILED: harness crashed: ${error.message}`);
    console.log(summaryLine({ ...emptyCounts(), failed: 1 }));
    process.exit(1);
  });
});

async function main(): Promise<number> {
  const missing = missingSystemDeps();
  if (missing) {
    console.error(missing);
    return 1;
  }

  let counts = emptyCounts();
  const problems: string[] = [];
  try {
    const reportsDir = (owned.reportsDir = await mkdtemp(join(tmpdir(), 'ferry-reports-')));
    log('starting a private D-Bus session with gnome-keyring');
    const session = (owned.session = await startKeyringSession());
    log(`Secret Service ready on ${session.busAddress}`);
    if (!interrupted) {
      const result = await runEverything(session, reportsDir);
      counts = result.counts;
      problems.push(...result.problems);
    }
  } catch (error) {
    counts.failed += 1;
    problems.push(`harness: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await releaseAll();
  }

  if (interrupted) problems.push(`interrupted by ${interrupted}`);
  for (const problem of problems) console.log(`[harness] FAILED: ${problem}`);
  // Last line, always: CI reads it.
  console.log(summaryLine(counts));
  if (interrupted) return 128 + constants.signals[interrupted];
  return counts.failed > 0 ? 1 : 0;
}

process.exitCode = await main();
