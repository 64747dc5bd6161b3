import { constants } from 'node:os';
import type { ShutdownReport } from '../core/create-core';
import { exitProcess } from '../core/exit-process';
import type { Logger } from '../core/logger';

export interface SignalOptions {
  /** Stops the host and the core; resolves with the core's report. */
  stop(): Promise<ShutdownReport>;
  /** Whether a keychain thread is stuck right now (for an exit that cannot wait for `stop`). */
  keychainStuck(): boolean;
  logger: Logger;
  /** Past this the process ends even if `stop` has not finished. */
  deadlineMs: number;
}

/** Ctrl-C, `kill`, a closed terminal, and a logoff (which sends SIGHUP, then SIGTERM). */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * `when-exit` (behind conf's atomic writes) hooks the same signals, cleans up its temp files and
 * sends the signal again to this process. That echo arrives within milliseconds; a person pressing
 * Ctrl-C twice, or a session manager insisting, does not. An echo must not count as "again".
 */
const ECHO_MS = 300;

/**
 * The browser host's way out. The first signal stops everything in order (answers written and
 * marked interrupted, history closed) within `deadlineMs`; a second signal — an impatient user, or
 * a session manager that stops waiting — ends the process at once. Either way the process never
 * waits on a stuck keychain thread (see exitProcess).
 */
export function exitOnSignals({ stop, keychainStuck, logger, deadlineMs }: SignalOptions): void {
  let first: { signal: string; at: number } | null = null;
  const onSignal = (signal: (typeof SIGNALS)[number]) => {
    if (first) {
      if (signal === first.signal && Date.now() - first.at < ECHO_MS) return;
      logger.warn(`${signal} again: exiting now`);
      exitProcess(128 + constants.signals[signal], keychainStuck());
    }
    first = { signal, at: Date.now() };
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
  for (const signal of SIGNALS) process.on(signal, () => onSignal(signal));
}
