import { createRequire } from 'node:module';
import type Database from 'libsql';

type DatabaseConstructor = typeof Database;
let engine: DatabaseConstructor | null = null;

/**
 * libsql, loaded on first use rather than when the bundle loads: its native `.node` file is the one
 * part of the app that differs per OS and CPU, and when it is missing or cannot load (a wrong-platform
 * build, a missing VC++ runtime) opening the database fails with this reason and the app starts in
 * recovery mode, instead of dying before any window exists.
 */
export function sqliteEngine(): DatabaseConstructor {
  if (engine) return engine;
  try {
    engine = createRequire(moduleFile())('libsql') as DatabaseConstructor;
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`the SQLite engine (libsql for ${process.platform}-${process.arch}) could not be loaded: ${detail}`);
  }
  return engine;
}

export function openDatabase(file: string, options?: Database.Options): Database.Database {
  const Engine = sqliteEngine();
  return new Engine(file, options);
}

/** SQLite could not set up (or reach) what a read needs beside the file, as opposed to a damaged file. */
const cannotIndex = (error: unknown): boolean =>
  /^SQLITE_(READONLY|CANTOPEN)/.test(String((error as { code?: unknown } | null)?.code ?? '')) ||
  /readonly database|unable to open database file/i.test(error instanceof Error ? error.message : String(error));

/**
 * Opens an existing database for reading only, and reads its schema once. A WAL database in a folder
 * that cannot be written, with no `-shm` index beside it (no connection has it open), cannot set up
 * that index: SQLite answers "attempt to write a readonly database" on the first read. It is then
 * opened `immutable`, which needs no index and takes no locks — nobody can be writing it, since a
 * writer would have created the index. A damaged or unreadable file still fails as itself.
 */
export function openForReading(file: string): Database.Database {
  let first: unknown;
  for (const target of [file, `file:${encodeURI(file)}?immutable=1`]) {
    let db: Database.Database | null = null;
    try {
      db = openDatabase(target, { readonly: true, fileMustExist: true });
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      return db;
    } catch (error) {
      db?.close();
      if (target !== file || !cannotIndex(error)) throw first ?? error;
      first = error;
    }
  }
  throw first;
}

// A CommonJS bundle has __filename; ESM (tsx, Vitest) has import.meta.url.
const moduleFile = (): string => (typeof __filename === 'string' ? __filename : import.meta.url);
