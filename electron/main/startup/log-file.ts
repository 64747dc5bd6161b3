import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import electronLog from 'electron-log/node';

/** The main process's log on disk: what to look at (and attach to a bug report) when Ferry misbehaves. */
export interface LogFile {
  /** Where it is written; shown in the startup error dialog and on the recovery page. */
  readonly path: string;
  /** One line, already redacted by the core logger (see core/logger.ts). */
  write(line: string): void;
}

/** Past this size the file is renamed to ferry.old.log and a new one begun: at most ~2 MB on disk. */
const MAX_BYTES = 1024 * 1024;

/**
 * `<dataDir>/logs/ferry.log`, rotated by electron-log's file transport (its Node build: no IPC or
 * preload hooks of its own). When the data folder itself cannot be created — one of the startup
 * failures the log must explain — the log goes to the system temp folder instead.
 */
export function openLogFile(dataDir: string): LogFile {
  let dir = join(dataDir, 'logs');
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    dir = join(tmpdir(), 'Ferry-logs');
    mkdirSync(dir, { recursive: true });
  }
  const path = join(dir, 'ferry.log');
  const log = electronLog.create({ logId: 'ferry-main' });
  log.transports.console.level = false;
  log.transports.file.level = 'info';
  log.transports.file.maxSize = MAX_BYTES;
  log.transports.file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] {text}';
  log.transports.file.resolvePathFn = () => path;
  return { path, write: (line) => log.info(line) };
}
