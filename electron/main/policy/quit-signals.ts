import { createSignalSorter, SHUTDOWN_SIGNALS, type ShutdownSignal, type SignalMeaning } from '../../core/shutdown-signals';

export interface QuitSignalOptions {
  /** Registers a listener for a process signal (`process.on` in the app). */
  on(signal: ShutdownSignal, listener: () => void): void;
  /** The first signal: the same bounded quit as the menu's Quit (before-quit → quit guard). */
  requestQuit(signal: ShutdownSignal): void;
  /** A second signal: someone insists; end the process now. */
  exitNow(signal: ShutdownSignal): void;
  /** Tells an echo from a second signal; tests pass one with their own clock. */
  sorter?: (signal: ShutdownSignal) => SignalMeaning;
}

/**
 * SIGTERM / SIGINT / SIGHUP in Electron's main process. Without a listener of ours, the signal's
 * echo from `when-exit` (electron-store's atomic writes hook the signals and send them again) finds
 * no listener and the default action kills the app before anything streaming is written. With it,
 * every signal goes through the quit guard; its echo is ignored, and only a real second signal ends
 * the process at once.
 */
export function quitOnSignals({ on, requestQuit, exitNow, sorter = createSignalSorter() }: QuitSignalOptions): void {
  for (const signal of SHUTDOWN_SIGNALS) {
    on(signal, () => {
      const meaning = sorter(signal);
      if (meaning === 'first') requestQuit(signal);
      else if (meaning === 'again') exitNow(signal);
    });
  }
}
