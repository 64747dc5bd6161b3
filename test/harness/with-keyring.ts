/**
 * Runs one command inside a private D-Bus session with an unlocked gnome-keyring, then tears it down:
 *   npx tsx test/harness/with-keyring.ts npx vitest run test/integration/keychain.test.ts
 * For working on keychain code without the whole `npm test`.
 */
import { constants } from 'node:os';
import { startKeyringSession } from './keyring-session';
import { runStep, stopRunningSteps } from './run-step';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: tsx test/harness/with-keyring.ts <command> [args...]');
  process.exit(2);
}

const session = await startKeyringSession();
let interrupted: NodeJS.Signals | null = null;
for (const name of ['SIGINT', 'SIGTERM'] as const) {
  process.once(name, () => {
    interrupted = name;
    stopRunningSteps(name);
  });
}
try {
  const code = await runStep(command, args, session.env);
  process.exitCode = interrupted ? 128 + constants.signals[interrupted] : code;
} finally {
  await session.stop();
}
