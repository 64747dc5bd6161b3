import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupOverview, LocalBackup, LocalBackupKind } from '../../../shared/schemas';
import { adoptFileSync, blobIdsSync, blobPath } from '../attachments/blob-files';
import { openDatabase } from '../storage/sqlite-engine';
import { FerryError } from '../../core/app-error';
import type { Logger } from '../../core/logger';
import type { PreferencesBackend, PreferencesService } from '../settings/preferences-service';

const DAY_MS = 24 * 60 * 60 * 1000;
/** `<kind>-<UTC time>` folders in `<data>/backups/`, each with ferry.db and config.json. */
const FOLDER = /^(daily|manual|before-restore)-(\d{8}T\d{6}\d{3}Z)$/;
/** Copies made before a schema migration (storage/database-guard.ts names them). */
const MIGRATION_FILE = /^(ferry-v\d+-\d{8}T\d{6}\d{3}Z(?:-\d+)?)\.db$/;
const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace('.', '');
/** The time in a backup's name (`20261205T141808764Z`): its order, whatever the file times say. */
const timeOf = (text: string): number | null => {
  const m = /(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z/.exec(text);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, +m[7]!) : null;
};

/** Beside a pre-migration database copy (`ferry-v3-….db`): the config.json of that moment. */
export function copyConfigBeside(dbBackupFile: string, configFile: string): void {
  if (existsSync(configFile)) copyFileSync(configFile, dbBackupFile.replace(/\.db$/, '.config.json'));
}

export interface BackupServiceDeps {
  dataDir: string;
  dbFile: string;
  /** The live attachments store (content-addressed files, see attachments/blob-files.ts). */
  attachmentsDir: string;
  configFile: string;
  prefs: PreferencesService;
  prefsBackend: PreferencesBackend;
  /** Closes the history, runs `install`, reopens it. */
  replaceDatabase(install: () => void): void;
  logger: Logger;
  now?: () => number;
}

/** Beside each copy: the ids of the attachment files it names, one a line (see `blobs` below). */
const MANIFEST = 'attachments.txt';

/** Ids of the attachments a database file describes. */
function attachmentIdsIn(dbFile: string): string[] {
  const db = openDatabase(dbFile, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare(`SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'attachments'`).get();
    return table ? (db.prepare('SELECT id FROM attachments').all() as { id: string }[]).map((r) => r.id) : [];
  } finally {
    db.close();
  }
}

/**
 * Local copies of the history database and config.json: one a day (keep N, in Settings), one
 * on demand, one before every restore, and — next to the database copy the storage layer makes
 * before a migration — the config of that moment. Restoring keeps the current state as one more
 * backup first, so a restore can itself be undone.
 *
 * Attachment files are content-addressed and never rewritten, so the copies share one store of
 * them, `backups/attachments/`, filled incrementally: a copy adds only files the store lacks, as
 * hard links to the live files (no extra space; a copy where links are impossible), and names the
 * ones it needs in its manifest. Pruning a copy deletes the files no remaining manifest names; a
 * restore puts back into the live store every file its database names that is missing there.
 */
export function createBackupService(deps: BackupServiceDeps) {
  const now = deps.now ?? Date.now;
  const dir = join(deps.dataDir, 'backups');
  const blobs = join(dir, 'attachments');

  /** Links the files `ids` names into the backups' store; returns the ids it now holds. */
  const keepFiles = (ids: string[]): string[] =>
    ids.filter((id) => {
      const live = blobPath(deps.attachmentsDir, id);
      if (existsSync(live)) adoptFileSync(blobs, id, live, 'link');
      return existsSync(blobPath(blobs, id));
    });

  const manifestIds = (folder: string): string[] => {
    const file = join(dir, folder, MANIFEST);
    return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
  };

  const list = (): LocalBackup[] => {
    if (!existsSync(dir)) return [];
    const found: LocalBackup[] = [];
    for (const name of readdirSync(dir)) {
      const folder = FOLDER.exec(name);
      if (folder) {
        const db = join(dir, name, 'ferry.db');
        if (!existsSync(db)) continue;
        found.push({
          id: name,
          kind: folder[1] as LocalBackupKind,
          createdAt: timeOf(name) ?? statSync(db).mtimeMs,
          size: statSync(db).size,
          hasConfig: existsSync(join(dir, name, 'config.json')),
          attachments: existsSync(join(dir, name, MANIFEST)) ? manifestIds(name).length : null,
        });
        continue;
      }
      const migration = MIGRATION_FILE.exec(name);
      if (migration) {
        const stats = statSync(join(dir, name));
        found.push({
          id: name,
          kind: 'migration',
          createdAt: timeOf(name) ?? stats.mtimeMs,
          size: stats.size,
          hasConfig: existsSync(join(dir, `${migration[1]}.config.json`)),
          attachments: null,
        });
      }
    }
    return found.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
  };

  const create = (kind: Exclude<LocalBackupKind, 'migration'>): LocalBackup => {
    let name = `${kind}-${stamp(new Date(now()))}`;
    for (let n = 1; existsSync(join(dir, name)); n++) name = `${kind}-${stamp(new Date(now() + n))}`;
    const target = join(dir, name);
    mkdirSync(target, { recursive: true });
    try {
      // VACUUM INTO: a consistent copy of a live WAL database, without stopping anything.
      const db = openDatabase(deps.dbFile, { fileMustExist: true });
      try {
        db.exec('PRAGMA busy_timeout = 5000');
        db.prepare('VACUUM INTO ?').run(join(target, 'ferry.db'));
      } finally {
        db.close();
      }
      if (existsSync(deps.configFile)) copyFileSync(deps.configFile, join(target, 'config.json'));
      // The files after the database: one added in between is not named by this copy anyway.
      writeFileSync(join(target, MANIFEST), keepFiles(attachmentIdsIn(join(target, 'ferry.db'))).join('\n'));
    } catch (error) {
      rmSync(target, { recursive: true, force: true });
      throw error;
    }
    return list().find((b) => b.id === name)!;
  };

  const prune = () => {
    const keep = deps.prefs.read().backups.keep;
    for (const old of list().filter((b) => b.kind === 'daily').slice(keep)) rmSync(join(dir, old.id), { recursive: true, force: true });
    const named = new Set(list().flatMap((b) => (b.kind === 'migration' ? [] : manifestIds(b.id))));
    for (const id of blobIdsSync(blobs)) if (!named.has(id)) rmSync(blobPath(blobs, id), { force: true });
  };

  const overview = (): BackupOverview => ({ settings: deps.prefs.read().backups, backups: list(), folder: dir });

  return {
    overview,
    create: (kind: 'manual' | 'daily' = 'manual') => {
      const made = create(kind);
      prune();
      return made;
    },
    /** Makes today's copy when the newest daily copy is a day old (or there is none). */
    runDaily(): LocalBackup | null {
      if (!deps.prefs.read().backups.daily) return null;
      const newest = list().find((b) => b.kind === 'daily');
      if (newest && now() - newest.createdAt < DAY_MS) return null;
      try {
        const made = create('daily');
        prune();
        return made;
      } catch (error) {
        deps.logger.error('daily backup failed', error);
        return null;
      }
    },
    restore(id: string): { restored: LocalBackup; safetyCopy: LocalBackup } {
      const backup = list().find((b) => b.id === id);
      if (!backup) throw new FerryError('not_found', 'Backup not found');
      const source = backup.kind === 'migration' ? join(dir, id) : join(dir, id, 'ferry.db');
      const config = backup.kind === 'migration' ? join(dir, id.replace(/\.db$/, '.config.json')) : join(dir, id, 'config.json');
      // A damaged copy must not replace anything.
      const check = openDatabase(source, { readonly: true, fileMustExist: true });
      try {
        const result = check.prepare('PRAGMA quick_check').get() as { quick_check?: string };
        if (result.quick_check !== 'ok') throw new FerryError('database_corrupt', `The backup ${id} is damaged`);
      } finally {
        check.close();
      }
      const safetyCopy = create('before-restore');
      // Copied beside it, then renamed over it: a new file (inode), never one rewritten while a handle
      // on the old one (the closed history, a reader) may still hold a lock.
      const incoming = `${deps.dbFile}.restoring`;
      copyFileSync(source, incoming);
      const files = attachmentIdsIn(incoming);
      deps.replaceDatabase(() => {
        for (const suffix of ['-wal', '-shm']) rmSync(deps.dbFile + suffix, { force: true });
        renameSync(incoming, deps.dbFile);
      });
      // Files deleted since the copy was made (no message used them any more) come back from the store.
      for (const id of files) {
        const kept = blobPath(blobs, id);
        if (existsSync(kept)) adoptFileSync(deps.attachmentsDir, id, kept, 'link');
      }
      if (existsSync(config)) {
        try {
          deps.prefsBackend.store = JSON.parse(readFileSync(config, 'utf8')) as Record<string, unknown>;
        } catch (error) {
          deps.logger.warn('the backup config.json could not be read; settings were kept as they were', error);
        }
      }
      return { restored: backup, safetyCopy };
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
