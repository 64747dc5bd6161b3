// Starts the built app in Electron. Where the Electron binary is missing and cannot be
// downloaded (offline machines, locked-down CI), says so in one line instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

function binaryPath() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

let binary = binaryPath();
if (!binary) {
  // electron >= 42 fetches its binary on first use; try once, quietly.
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 300_000 });
  binary = binaryPath();
}
if (!binary) {
  console.error(
    'Electron could not be downloaded on this machine: if GitHub is out of reach, set ELECTRON_MIRROR ' +
      '(e.g. ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm start), or run `npm run web` to use Ferry in your browser.',
  );
  // Under `npm start`, a failing status makes npm print a multi-line error footer after this line and
  // bury it; the line says what happened, so there it is the last word. Run directly, the status is 1.
  process.exit(process.env.npm_lifecycle_event === 'start' ? 0 : 1);
}

const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit', cwd: join(electronDir, '..', '..') });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
