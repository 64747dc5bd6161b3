import { readFile } from 'node:fs/promises';
import { z } from 'zod';

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

export const emptyCounts = (): Counts => ({ passed: 0, failed: 0, skipped: 0 });

export const addCounts = (a: Counts, b: Counts): Counts => ({
  passed: a.passed + b.passed,
  failed: a.failed + b.failed,
  skipped: a.skipped + b.skipped,
});

/** The closing line CI reads. */
export const summaryLine = ({ passed, failed, skipped }: Counts): string =>
  `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;

// Only the fields we count; both reporters write much more.
const VitestReport = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number(),
  numTodoTests: z.number().default(0),
  testResults: z.array(
    z.object({
      name: z.string(),
      status: z.string(),
      message: z.string().optional(),
      assertionResults: z.array(
        z.object({ status: z.string(), fullName: z.string().optional(), failureMessages: z.array(z.string()).nullish() }),
      ),
    }),
  ),
});

const PlaywrightReport = z.object({
  stats: z.object({ expected: z.number(), unexpected: z.number(), flaky: z.number(), skipped: z.number() }),
  errors: z.array(z.object({ message: z.string().optional() })).default([]),
});

export function countVitest(json: unknown): { counts: Counts; problems: string[] } {
  const report = VitestReport.parse(json);
  // A file that fails to load (import error, throw at top level) has no test results of its own: count it once.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  );
  return {
    counts: {
      passed: report.numPassedTests,
      failed: report.numFailedTests + brokenFiles.length,
      skipped: report.numPendingTests + report.numTodoTests,
    },
    problems: [
      ...report.testResults.flatMap((file) =>
        file.assertionResults
          .filter((test) => test.status === 'failed')
          .map((test) => `vitest: ${shortPath(file.name)} › ${test.fullName ?? 'a test'}: ${firstLine(test.failureMessages?.[0]) || 'no message'}`),
      ),
      ...brokenFiles.map(
        (file) => `vitest: ${shortPath(file.name)} failed outside its tests: ${firstLine(file.message) || 'a hook or the file itself threw (see the Vitest output above)'}`,
      ),
    ],
  };
}

interface PlaywrightSuite {
  title?: string;
  specs?: {
    title: string;
    tests: { status?: string; annotations?: { type: string; description?: string }[]; results?: { error?: { message?: string } }[] }[];
  }[];
  suites?: PlaywrightSuite[];
}

/** Calls `visit` for every test with the titles above it (file, describe blocks, spec). */
function walkPlaywright(json: unknown, visit: (test: NonNullable<PlaywrightSuite['specs']>[number]['tests'][number], path: string[]) => void): void {
  const walk = (suite: PlaywrightSuite, path: string[]) => {
    for (const spec of suite.specs ?? []) for (const test of spec.tests) visit(test, [...path, spec.title]);
    for (const child of suite.suites ?? []) walk(child, child.title ? [...path, child.title] : path);
  };
  for (const suite of (json as { suites?: PlaywrightSuite[] }).suites ?? []) walk(suite, suite.title ? [suite.title] : []);
}

/** Every skipped end-to-end test with the reason its `test.skip` gave, so a skip is never silent. */
export function playwrightSkips(json: unknown): string[] {
  const out: string[] = [];
  walkPlaywright(json, (test, path) => {
    if (test.status !== 'skipped') return;
    const note = test.annotations?.find((a) => a.type === 'skip' || a.type === 'fixme');
    const reason = note?.type === 'fixme' ? `known bug (fixme)${note.description ? `: ${note.description}` : ', see the comment above the test'}` : (note?.description ?? 'no reason given');
    out.push(`skipped: ${path.join(' › ')} — ${reason}`);
  });
  return out;
}

export function countPlaywright(json: unknown): { counts: Counts; problems: string[] } {
  const report = PlaywrightReport.parse(json);
  // Errors outside any test (config, global setup, a spec that does not load) count as one failure each.
  return {
    counts: {
      passed: report.stats.expected + report.stats.flaky,
      failed: report.stats.unexpected + report.errors.length,
      skipped: report.stats.skipped,
    },
    problems: [...failedPlaywrightTests(json), ...report.errors.map((error) => `playwright: ${firstLine(error.message) || 'error outside any test'}`)],
  };
}

/** Reads a runner's JSON report; a missing or malformed one is reported, not thrown. */
export async function readReport(path: string): Promise<{ ok: true; json: unknown } | { ok: false; reason: string }> {
  try {
    return { ok: true, json: JSON.parse(await readFile(path, 'utf8')) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Each failed end-to-end test with its last attempt's error, so the run's tail names what broke. */
function failedPlaywrightTests(json: unknown): string[] {
  const out: string[] = [];
  walkPlaywright(json, (test, path) => {
    if (test.status !== 'unexpected') return;
    const error = test.results?.at(-1)?.error?.message;
    out.push(`playwright: ${path.join(' › ')}: ${firstLine(error) || 'no message'}`);
  });
  return out;
}

const shortPath = (file: string): string => (file.startsWith(process.cwd() + '/') ? file.slice(process.cwd().length + 1) : file);

// eslint-disable-next-line no-control-regex -- the reporters colour their messages
const stripAnsi = (text: string | undefined): string => (text ?? '').replace(/\u001b\[[0-9;]*m/g, '');

function firstLine(text: string | undefined): string {
  return stripAnsi(text).trim().split('\n')[0] ?? '';
}
