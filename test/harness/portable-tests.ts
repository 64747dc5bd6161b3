/**
 * The Vitest files Windows and macOS CI run: all but the Linux-only ones (test/linux-only.ts).
 * Extra arguments go to Vitest.
 */
import { spawnSync } from 'node:child_process';
import { LINUX_ONLY } from '../linux-only';

export const portableVitestArgs = (extra: string[] = []): string[] => [
  'vitest',
  'run',
  ...LINUX_ONLY.flatMap((e) => ['--exclude', e.path]),
  ...extra,
];

if (process.argv[1] && /portable-tests\.ts$/.test(process.argv[1])) {
  const result = spawnSync('npx', ['--no', '--', ...portableVitestArgs(process.argv.slice(2))], { stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(result.status ?? 1);
}
