import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const hasBinary = existsSync(join(electronDir, 'path.txt'));

describe('npm start without an Electron binary', () => {
  // Where a binary is installed, `npm start` would really open the app: nothing to prove here.
  const launch = (env: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, [join(ROOT, 'build/scripts/launch-electron.mjs')], {
      cwd: ROOT,
      // A mirror that refuses at once, so the download fails the same way on every machine.
      env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:1/', electron_config_cache: join(ROOT, 'test-results', 'no-electron-cache'), ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it.skipIf(hasBinary)('says so in one line, naming ELECTRON_MIRROR and npm run web', () => {
    const run = launch({ npm_lifecycle_event: '' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('ELECTRON_MIRROR');
    expect(lines[0]).toContain('npm run web');
    expect(existsSync(join(electronDir, 'path.txt'))).toBe(false);
  });

  it.skipIf(hasBinary)('under npm start it ends with status 0, so npm adds no error footer after that line', () => {
    const run = launch({ npm_lifecycle_event: 'start' });
    expect(run.status).toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
