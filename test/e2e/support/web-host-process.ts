import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { hostNodeFlags } from '../../../electron/web/host-node-flags';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

export interface HostProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Graceful stop (SIGTERM), as a user quitting. */
  stop(): Promise<void>;
  /** SIGKILL: what a crash looks like. */
  kill(): Promise<void>;
}

/**
 * Starts the built browser host (`dist-electron/web.cjs`), exactly what `npm run web` runs (with that
 * build's Node options, electron/web/host-node-flags.json).
 * `root`: another built copy of the app (the benchmark compares builds side by side).
 */
export async function startHostProcess(dataDir: string, env: NodeJS.ProcessEnv = {}, args: string[] = [], root = ROOT): Promise<HostProcess> {
  const child = spawn(process.execPath, [...hostNodeFlags(root), resolve(root, 'dist-electron/web.cjs'), '--no-open', '--data-dir', dataDir, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<void>((r) =>
    child.once('exit', (code, signal) => {
      out += `\n[the host process ended: exit code ${code}, signal ${signal}]\n`;
      r();
    }),
  );

  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${out}`)), 20_000);
    const onData = () => {
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${out}`));
    });
  });

  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { url, child, output: () => out, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}
