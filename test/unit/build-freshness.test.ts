import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_INPUTS, BUILD_OUTPUTS, buildIsCurrent, isBuildCurrent } from '../../electron/web/build-freshness';

describe('npm run web rebuilds only when needed', () => {
  it('compares the oldest output with the newest input', () => {
    expect(buildIsCurrent([10, 20], [30, 25])).toBe(true);
    expect(buildIsCurrent([10, 40], [30, 25])).toBe(false);
    expect(buildIsCurrent([10, null], [30, null])).toBe(false);
    expect(buildIsCurrent([], [])).toBe(false);
  });

  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

  it('walks the source folders of a real tree', () => {
    const root = mkdtempSync(join(tmpdir(), 'ferry-fresh-'));
    dirs.push(root);
    for (const input of BUILD_INPUTS) {
      if (input.includes('.')) writeFileSync(join(root, input), 'x');
      else {
        mkdirSync(join(root, input, 'deep'), { recursive: true });
        writeFileSync(join(root, input, 'deep', 'file.ts'), 'x');
      }
    }
    expect(isBuildCurrent(root)).toBe(false);
    for (const output of BUILD_OUTPUTS) {
      mkdirSync(join(root, output, '..'), { recursive: true });
      writeFileSync(join(root, output), 'built');
    }
    const paths = [...BUILD_INPUTS.map((p) => join(root, p)), join(root, 'renderer/deep'), join(root, 'renderer/deep/file.ts'), ...['electron', 'shared'].flatMap((d) => [join(root, d, 'deep'), join(root, d, 'deep/file.ts')])];
    for (const p of paths) at(p, 1_000);
    for (const o of BUILD_OUTPUTS) at(join(root, o), 2_000);
    expect(isBuildCurrent(root)).toBe(true);
    // One edited source file deep in a folder makes the build stale.
    at(join(root, 'shared/deep/file.ts'), 3_000);
    expect(isBuildCurrent(root)).toBe(false);
  });
});
