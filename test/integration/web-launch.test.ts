import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hostNodeFlags } from '../../electron/web/host-node-flags';

const ROOT = resolve(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'ferry-launch-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs what `npm run web` runs until the host prints its address, then stops it with SIGTERM. */
async function launchOnce(token: string): Promise<{ output: string; url: string; exitCode: number | null; hostArgs: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/launch.ts', '--no-open', '--data-dir', dataDir, '--token', token], {
    cwd: ROOT,
    env: { ...process.env, FERRY_KEYCHAIN_SERVICE: `ferry-launch-${process.pid}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += String(d)));
  child.stderr.on('data', (d) => (output += String(d)));
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`no address:\n${output}`)), 60_000);
    child.stdout.on('data', () => {
      const m = /running at (\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    });
  });
  // The host is the launcher's child: its command line, as Linux has it.
  const [hostPid] = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(' ');
  const hostArgs = readFileSync(`/proc/${hostPid}/cmdline`, 'utf8').split('\0');
  const exitCode = await new Promise<number | null>((done) => {
    child.once('exit', (code) => done(code));
    child.kill('SIGTERM');
  });
  return { output, url, exitCode, hostArgs };
}

describe('npm run web', () => {
  it('starts without rebuilding when the build is current, with the token it was given', async () => {
    await launchOnce('launch-token-000001'); // builds first if the sources changed since the last build
    const second = await launchOnce('launch-token-000001');
    expect(second.output).toContain('The build is current: starting without rebuilding.');
    expect(second.output).not.toContain('vite v');
    expect(second.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=launch-token-000001$/);
    expect(second.exitCode).toBe(0);
  }, 120_000);

  it("starts the host with the Node options in electron/web/host-node-flags.json, before the host's script", async () => {
    const { hostArgs } = await launchOnce('launch-token-000002');
    const script = hostArgs.findIndex((a) => a.endsWith('dist-electron/web.cjs'));
    expect(hostNodeFlags(ROOT).length).toBeGreaterThan(0);
    expect(hostArgs.slice(1, script)).toEqual(hostNodeFlags(ROOT));
  }, 120_000);
});
