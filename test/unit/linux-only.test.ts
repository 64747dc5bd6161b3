import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { isListed, LINUX_MARKERS, LINUX_ONLY } from '../linux-only';
import { portableVitestArgs } from '../harness/portable-tests';

const ROOT = resolve(import.meta.dirname, '../..');

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return testFiles(full);
    return /\.test\.tsx?$/.test(name) ? [relative(ROOT, full).split('\\').join('/')] : [];
  });
}

/** Files that name a Linux-only tool without being on the list. */
export function unlisted(files: { path: string; text: string }[]): { path: string; tool: string }[] {
  return files.flatMap(({ path, text }) => {
    if (isListed(path)) return [];
    const hit = LINUX_MARKERS.find((m) => m.pattern.test(text));
    return hit ? [{ path, tool: hit.tool }] : [];
  });
}

describe('the Linux-only test list that Windows and macOS CI leave out', () => {
  const files = [...testFiles(join(ROOT, 'test')), ...testFiles(join(ROOT, 'renderer'))].filter((f) => !f.includes('node_modules'));
  const texts = files.filter((f) => f !== 'test/unit/linux-only.test.ts').map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));

  it('lists every test file that uses a Linux-only tool', () => {
    expect(unlisted(texts)).toEqual([]);
  });

  it('the check does catch an unlisted file (it can fail)', () => {
    expect(unlisted([{ path: 'test/integration/new-proxy.test.ts', text: "import { startTinyproxy } from './support/proxies';" }])).toEqual([
      { path: 'test/integration/new-proxy.test.ts', tool: 'tinyproxy' },
    ]);
  });

  it('names only files and folders that exist', () => {
    for (const e of LINUX_ONLY) expect(existsSync(join(ROOT, e.path.replace(/\/\*\*$/, ''))), e.path).toBe(true);
  });

  it('is what the Windows and macOS CI step runs without', () => {
    const ci = yaml.load(readFileSync(join(ROOT, '.github/workflows/ci.yml'), 'utf8')) as { jobs: Record<string, { steps: { run?: string; if?: string }[] }> };
    const steps = Object.values(ci.jobs).flatMap((j) => j.steps);
    const portable = steps.filter((s) => /vitest|portable-tests/.test(s.run ?? '') && s.if?.includes("!= 'Linux'"));
    expect(portable.map((s) => s.run?.trim())).toEqual(['npx tsx test/harness/portable-tests.ts']);
    const args = portableVitestArgs();
    for (const e of LINUX_ONLY) expect(args.join(' ')).toContain(`--exclude ${e.path}`);
  });
});
