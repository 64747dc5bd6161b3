import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'libsql';
import { afterEach, beforeEach } from 'vitest';
import { openHistory } from '../../electron/services/storage/open-history';
import type { HistoryRepository } from '../../electron/services/storage/types';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A fresh temp dir per test (history file in a not-yet-existing subdir), everything closed and removed after. */
export function useStorageSandbox() {
  let dir = '';
  let file = '';
  const repos: HistoryRepository[] = [];
  const raws: Database.Database[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ferry-storage-'));
    file = join(dir, 'nested', 'data', 'history.db');
  });
  afterEach(() => {
    for (const repo of repos.splice(0)) {
      try {
        repo.close();
      } catch {
        // closed twice is fine; a failing close must not hide the test's own failure
      }
    }
    for (const db of raws.splice(0)) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  return {
    dir: () => dir,
    file: () => file,
    open(path = file): HistoryRepository {
      const repo = openHistory(path);
      repos.push(repo);
      return repo;
    },
    /** A plain connection, to look at the file the way another tool would. */
    raw(path = file): Database.Database {
      mkdirSync(dirname(path), { recursive: true });
      const db = new Database(path);
      raws.push(db);
      return db;
    },
  };
}

export function scalar(db: Database.Database, sql: string): unknown {
  const row = db.prepare(sql).get() as Record<string, unknown> | undefined;
  return row === undefined ? undefined : Object.values(row)[0];
}

export function schemaNames(db: Database.Database, type: 'table' | 'index'): string[] {
  const rows = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all(type) as { name: string }[];
  return rows.map((r) => r.name);
}

/**
 * Runs a separate process that opens the history, leaves an assistant message streaming with
 * some content, and then is SIGKILLed: a real crash, with no close() and no exit handlers.
 */
export async function crashWhileStreaming(dir: string, dbFile: string, content: string): Promise<{ messageId: string; signal: string | null }> {
  const script = join(dir, 'crash-writer.ts');
  const module = pathToFileURL(join(REPO_ROOT, 'electron/services/storage/open-history.ts')).href;
  writeFileSync(
    script,
    `import { openHistory } from ${JSON.stringify(module)};
     const h = openHistory(process.argv[2]!);
     const c = h.createConversation({ title: 'crash', connectionId: null, model: null });
     const m = h.insertMessage({ conversationId: c.id, parentId: null, role: 'assistant', content: '', status: 'streaming', model: null });
     h.updateMessageContent(m.id, process.argv[3]!);
     process.stdout.write(JSON.stringify({ id: m.id }) + '\\n');
     setInterval(() => {}, 1000);`,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', script, dbFile, content], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    void exited.then(() => reject(new Error(`crash writer exited before writing: ${stderr}`)));
  });
  child.kill('SIGKILL');
  const signal = await exited;
  return { messageId: (JSON.parse(line) as { id: string }).id, signal };
}
