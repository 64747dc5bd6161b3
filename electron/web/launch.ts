/**
 * `npm run web`: builds only when the sources are newer than the build, then starts the browser
 * host with the same arguments. Ctrl-C and SIGTERM go to the host, which shuts down cleanly.
 */
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { isBuildCurrent } from './build-freshness';
import { hostNodeFlags } from './host-node-flags';

const root = resolve(import.meta.dirname, '..', '..');

if (isBuildCurrent(root)) {
  console.log('The build is current: starting without rebuilding.');
} else {
  const build = spawnSync('npx', ['--no', '--', 'vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const host = spawn(process.execPath, [...hostNodeFlags(root), resolve(root, 'dist-electron/web.cjs'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => host.kill(signal));
host.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
