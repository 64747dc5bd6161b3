import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';

const running = new Set<ChildProcess>();

/**
 * Runs a command with the harness's terminal, so its output streams live. Resolves its exit code
 * (128 + signal number when killed, like a shell) and never rejects: a step that cannot even start is a failed step.
 *
 * Each step gets its own process group: `npx` puts npm and a shell between us and the runner, and
 * only signalling the whole group reaches the runner and the browsers or servers it started.
 */
export function runStep(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    // No stdin: a process group other than the terminal's would be stopped (SIGTTIN) if it read the TTY.
    const child = spawn(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
    running.add(child);
    child.once('error', (error) => {
      running.delete(child);
      console.error(`[harness] could not start ${command}: ${error.message}`);
      resolve(127);
    });
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}

/**
 * Passes a signal on to every running step's process group, and kills what is still left of a group
 * once its leader has gone, so nothing keeps running (or writing to the terminal) after the harness.
 */
export function stopRunningSteps(signal: NodeJS.Signals): void {
  for (const child of running) {
    const group = child.pid;
    if (group === undefined) continue;
    signalGroup(group, signal);
    child.once('exit', () => signalGroup(group, 'SIGKILL'));
  }
}

function signalGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-group, signal);
  } catch {
    // The group is already empty.
  }
}
