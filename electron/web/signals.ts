import { constants } from 'node:os';
import type { ShutdownReport } from '../core/create-core';
import { exitProcess } from '../core/exit-process';
import type { Logger } from '../core/logger';
import { createSignalSorter, SHUTDOWN_SIGNALS, type ShutdownSignal } from '../core/shutdown-signals';

export interface SignalOptions {
  /** Stops the host and the core; resolves with the core's report. */
  stop(): Promise<ShutdownReport>;
  /** Whether a keychain thread is stuck right now (for an exit that cannot wait for `stop`). */
  keychainStuck(): boolean;
  logger: Logger;
  /** Past this the process ends even if `stop` has not finished. */
  deadlineMs: number;
}

/**
 * The browser host's way out. The first signal stops everything in order (answers written and
 * marked interrupted, history closed) within `deadlineMs`; a second signal — an impatient user, or
 * a session manager that stops waiting — ends the process at once. Either way the process never
 * waits on a stuck keychain thread (see exitProcess).
 */
export function exitOnSignals({ stop, keychainStuck, logger, deadlineMs }: SignalOptions): void {
  const sort = createSignalSorter();
  const onSignal = (signal: ShutdownSignal) => {
    const meaning = sort(signal);
    if (meaning === 'echo') return;
    if (meaning === 'again') {
      logger.warn(`${signal} again: exiting now`);
      exitProcess(128 + constants.signals[signal], keychainStuck());
    }
    logger.info(`${signal}: stopping (answers in progress are saved as interrupted)`);
    const deadline = setTimeout(() => {
      logger.error(`not stopped after ${deadlineMs} ms: exiting anyway`);
      exitProcess(1, true);
    }, deadlineMs);
    void stop().then(
      (report) => {
        clearTimeout(deadline);
        exitProcess(0, report.keychainThreadStuck);
      },
      (error: unknown) => {
        logger.error('stopping failed', error);
        exitProcess(1, keychainStuck());
      },
    );
  };
  for (const signal of SHUTDOWN_SIGNALS) process.on(signal, () => onSignal(signal));
}
