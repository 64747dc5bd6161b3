import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostNodeFlags } from '../../electron/web/host-node-flags';

const ROOT = resolve(import.meta.dirname, '..', '..');

describe('hostNodeFlags', () => {
  it("gives the repository's options for the browser host, a larger young generation among them", () => {
    expect(hostNodeFlags(ROOT)).toContain('--min-semi-space-size=16');
  });

  it('gives none for a build without the file, and refuses a file that is not a list of strings', () => {
    const root = mkdtempSync(join(tmpdir(), 'ferry-flags-'));
    try {
      expect(hostNodeFlags(root)).toEqual([]);
      mkdirSync(join(root, 'electron/web'), { recursive: true });
      writeFileSync(join(root, 'electron/web/host-node-flags.json'), '{"flag": 1}');
      expect(() => hostNodeFlags(root)).toThrow(/array of strings/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
