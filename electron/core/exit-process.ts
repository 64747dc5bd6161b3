/**
 * Ends the process. Node joins every worker thread on exit, and a keychain thread stuck inside a
 * D-Bus call (a frozen bus) never returns, so `process.exit()` would hang for ever; when the
 * shutdown report says a thread is stuck, the process kills itself instead. By then everything
 * is written: the history is closed and the settings are on disk.
 */
export function exitProcess(code: number, keychainThreadStuck: boolean): never {
  if (keychainThreadStuck) {
    process.stderr.write('[ferry] warn the keychain thread is stuck in a system call; ending the process without waiting for it\n');
    process.kill(process.pid, 'SIGKILL');
  }
  process.exit(code);
}
