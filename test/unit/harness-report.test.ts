import { describe, expect, it } from 'vitest';
import { countPlaywright, countVitest, playwrightSkips, summaryLine } from '../harness/report';

describe('test harness report', () => {
  it('prints the closing line CI reads', () => {
    expect(summaryLine({ passed: 3, failed: 0, skipped: 0 })).toBe('3 passed, 0 failed');
    expect(summaryLine({ passed: 3, failed: 1, skipped: 2 })).toBe('3 passed, 1 failed, 2 skipped');
  });

  it('counts a Vitest file that failed outside its tests as a failure', () => {
    const { counts, problems } = countVitest({
      numPassedTests: 4,
      numFailedTests: 0,
      numPendingTests: 1,
      testResults: [
        { name: 'a.test.ts', status: 'passed', assertionResults: [{ status: 'passed' }] },
        { name: 'b.test.ts', status: 'failed', message: 'Cannot find module x\nstack', assertionResults: [{ status: 'skipped' }] },
      ],
    });
    expect(counts).toEqual({ passed: 4, failed: 1, skipped: 1 });
    expect(problems).toEqual(['vitest: b.test.ts failed outside its tests: Cannot find module x']);
  });

  it('names each failed Vitest test with the first line of its message', () => {
    const { problems } = countVitest({
      numPassedTests: 1,
      numFailedTests: 1,
      numPendingTests: 0,
      testResults: [
        {
          name: `${process.cwd()}/test/unit/proxy.test.ts`,
          status: 'failed',
          assertionResults: [
            { status: 'passed', fullName: 'proxy works' },
            { status: 'failed', fullName: 'proxy refused', failureMessages: ['\u001b[31mError: Test timed out in 20000ms.\u001b[39m\n    at x'] },
          ],
        },
      ],
    });
    expect(problems).toEqual(['vitest: test/unit/proxy.test.ts › proxy refused: Error: Test timed out in 20000ms.']);
  });

  it('names each failed end-to-end test with its last attempt\'s error', () => {
    const json = {
      stats: { expected: 1, unexpected: 1, flaky: 0, skipped: 0 },
      suites: [
        {
          title: 'faults.spec.ts',
          specs: [],
          suites: [
            {
              title: 'faults (zh-CN)',
              specs: [
                { title: 'the disk fills', tests: [{ status: 'unexpected', results: [{ error: { message: '\u001b[31mTest timeout of 60000ms exceeded.\u001b[39m\nmore' } }] }] },
                { title: 'the network dies', tests: [{ status: 'expected', results: [{}] }] },
              ],
            },
          ],
        },
      ],
    };
    expect(countPlaywright(json).problems).toEqual(['playwright: faults.spec.ts › faults (zh-CN) › the disk fills: Test timeout of 60000ms exceeded.']);
  });

  it('counts Playwright errors outside tests as failures', () => {
    const { counts } = countPlaywright({ stats: { expected: 2, unexpected: 1, flaky: 1, skipped: 1 }, errors: [{ message: 'config broke' }] });
    expect(counts).toEqual({ passed: 3, failed: 2, skipped: 1 });
  });

  it('names every skipped end-to-end test with its reason', () => {
    const json = {
      suites: [
        {
          title: 'electron.spec.ts',
          specs: [],
          suites: [
            {
              title: 'Electron host',
              specs: [
                { title: 'opens a window', tests: [{ status: 'skipped', annotations: [{ type: 'skip', description: 'no Electron binary' }] }] },
                { title: 'runs', tests: [{ status: 'expected', annotations: [] }] },
                { title: 'follows', tests: [{ status: 'skipped', annotations: [{ type: 'fixme' }] }] },
              ],
            },
          ],
        },
      ],
    };
    expect(playwrightSkips(json)).toEqual([
      'skipped: electron.spec.ts › Electron host › opens a window — no Electron binary',
      'skipped: electron.spec.ts › Electron host › follows — known bug (fixme), see the comment above the test',
    ]);
  });
});
