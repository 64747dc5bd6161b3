import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/** A settings file that could not be read at start and was moved aside. */
export interface ConfigRecovery {
  movedTo: string;
  at: number;
  detail: string;
}

/** Remembers a recovery across restarts until the user restores a copy or dismisses it. */
const markerOf = (file: string) => `${file}.recovered`;

const stamp = (at: number) => new Date(at).toISOString().replace(/[-:]/g, '').replace('.', '');

/**
 * Before anything reads or writes the settings: a file that is not a JSON object (damaged, emptied,
 * cut short) is moved to `<file>.damaged-<time>` — never deleted, never overwritten — and the move
 * is recorded, so the UI can say so and offer a previous copy. Both hosts call it before their
 * settings store touches the file (electron-store would otherwise replace it with defaults on the
 * first write). Returns the pending recovery, this one or one from an earlier start.
 */
export function guardConfigFile(file: string, now = Date.now()): ConfigRecovery | null {
  if (existsSync(file)) {
    let detail: string | null = null;
    try {
      const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (typeof value !== 'object' || value === null || Array.isArray(value)) detail = 'the file does not hold a settings object';
    } catch (error) {
      // Unreadable for another reason (permissions, I/O): not ours to move.
      if (!(error instanceof SyntaxError)) return readRecovery(file);
      detail = error.message;
    }
    if (detail !== null) {
      let movedTo = `${file}.damaged-${stamp(now)}`;
      for (let n = 1; existsSync(movedTo); n++) movedTo = `${file}.damaged-${stamp(now)}-${n}`;
      renameSync(file, movedTo);
      const recovery = { movedTo, at: now, detail };
      try {
        writeFileSync(markerOf(file), JSON.stringify(recovery));
      } catch {
        // A full disk: the UI hears of it for this run at least.
      }
      return recovery;
    }
  }
  return readRecovery(file);
}

export function readRecovery(file: string): ConfigRecovery | null {
  try {
    const value = JSON.parse(readFileSync(markerOf(file), 'utf8')) as Partial<ConfigRecovery>;
    return typeof value.movedTo === 'string' && typeof value.at === 'number'
      ? { movedTo: value.movedTo, at: value.at, detail: String(value.detail ?? '') }
      : null;
  } catch {
    return null;
  }
}

/** The user restored a copy or chose to go on: forget the recovery (the moved-aside file stays). */
export function clearRecovery(file: string): void {
  rmSync(markerOf(file), { force: true });
}
