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

// A CommonJS bundle has __filename; ESM (tsx, Vitest) has import.meta.url.
const moduleFile = (): string => (typeof __filename === 'string' ? __filename : import.meta.url);
