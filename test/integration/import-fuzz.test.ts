import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../electron/core/logger';
import { createImportService, type ImportService } from '../../electron/services/import/import-service';
import { openHistory } from '../../electron/services/storage/open-history';
import { deriveKey, newKdfParams, sealJson } from '../../electron/services/sync/sync-crypto';
import { LogFile } from '../../electron/services/sync/sync-records';
import { openSyncStore } from '../../electron/services/sync/sync-store';
import { openJson } from '../../electron/services/sync/sync-crypto';
import { writeSamples } from '../fixture/data/write';
import { attachmentPreparer } from './support/attachment-preparer';

/** A small seeded PRNG (mulberry32): the same mutations on every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEIRD: unknown[] = [null, 0, -1, 1e308, '', 'x'.repeat(200_000), [], {}, true, '\u0000\ud800', [[[[[[[[[[[]]]]]]]]]]], { id: { id: {} } }];

/** Replaces one value somewhere in the JSON tree with something of a wrong type, a huge string or deep nesting. */
function mutateValue(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0 || random() < 0.15) return WEIRD[Math.floor(random() * WEIRD.length)];
    const i = Math.floor(random() * value.length);
    const copy = [...value];
    copy[i] = mutateValue(copy[i], random);
    return copy;
  }
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0 || random() < 0.15) return WEIRD[Math.floor(random() * WEIRD.length)];
    const key = keys[Math.floor(random() * keys.length)]!;
    return { ...(value as object), [key]: mutateValue((value as Record<string, unknown>)[key], random) };
  }
  return random() < 0.5 ? WEIRD[Math.floor(random() * WEIRD.length)] : value;
}

function mutate(bytes: Buffer, random: () => number): Buffer {
  const kind = Math.floor(random() * 5);
  if (kind === 0) return bytes.subarray(0, Math.floor(random() * bytes.length)); // truncated
  if (kind === 1) {
    const copy = Buffer.from(bytes);
    for (let i = 0; i < 1 + random() * 8; i++) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
    return copy; // flipped bytes (broken UTF-8, broken zip)
  }
  if (kind === 2) return Buffer.from(bytes.toString('utf8'), 'utf16le'); // wrong encoding
  if (kind === 3) {
    const depth = 5_000;
    return Buffer.from('['.repeat(depth) + ']'.repeat(depth)); // deep nesting
  }
  try {
    return Buffer.from(JSON.stringify(mutateValue(JSON.parse(bytes.toString('utf8')), random)));
  } catch {
    return bytes.subarray(0, bytes.length >> 1);
  }
}

let dir: string;
let service: ImportService;
let dbFile: string;
let preparer: ReturnType<typeof attachmentPreparer>;
const N = 1000;

const fingerprint = () => {
  const db = new Database(dbFile, { readonly: true });
  try {
    const row = (sql: string) => Object.values(db.prepare(sql).get() as Record<string, unknown>).filter((v) => typeof v === 'number');
    return JSON.stringify([
      row('SELECT count(*) AS n, total(length(title)) AS t FROM conversations'),
      row('SELECT count(*) AS n, total(length(content)) AS t, total(created_at) AS c FROM messages'),
      row('SELECT count(*) AS n FROM assistants'),
    ]);
  } finally {
    db.close();
  }
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ferry-fuzz-'));
  dbFile = join(dir, 'ferry.db');
  openHistory(dbFile).close();
  preparer = attachmentPreparer(dir, dbFile);
  service = createImportService({
    dataDir: dir,
    dbFile,
    attachmentsDir: preparer.attachmentsDir,
    prepareAttachment: preparer.prepareAttachment,
    logger: createLogger(() => {}),
    onChange: () => {},
    onCommitted: () => {},
    addConnections: () => {},
  });
});
afterAll(() => {
  preparer.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('mutated import files', () => {
  const made: string[] = [];
  const samplesDir = () => {
    made.push(mkdtempSync(join(tmpdir(), 'ferry-fuzz-samples-')));
    return made.at(-1)!;
  };
  afterAll(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });
  for (const format of ['chatgptJson', 'chatgptZip', 'nextchat', 'chatbox', 'cherry', 'cherryData'] as const) {
    it(`${N} mutations of the ${format} sample: no crash, all or nothing`, async () => {
      const samples = writeSamples(samplesDir());
      const original = readFileSync(samples[format]);
      const random = rng(0xfe44 + format.length);
      const file = join(dir, `fuzz-${format}`);
      let accepted = 0;
      for (let i = 0; i < N; i++) {
        writeFileSync(file, mutate(original, random));
        const before = fingerprint();
        const job = await service.fromFile(file);
        expect(['ready', 'failed']).toContain(job.state);
        if (job.state === 'failed') {
          expect(job.error?.code).toMatch(/^(unknown_format|malformed|unsupported_version|empty|io)$/);
          expect(fingerprint()).toBe(before);
        } else {
          accepted++;
          // Commit some of the accepted ones: the history must stay consistent.
          if (i % 25 === 0) service.commit(job.id);
          else await service.cancel(job.id);
        }
      }
      const db = new Database(dbFile, { readonly: true });
      expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      expect(db.prepare('SELECT count(*) AS n FROM messages m LEFT JOIN conversations c ON c.id = m.conversation_id WHERE c.id IS NULL').get()).toMatchObject({ n: 0 });
      db.close();
      expect(accepted).toBeGreaterThan(0);
    }, 240_000);
  }
});

describe('mutated sync files', () => {
  it('200 damaged or hostile log files: rejected without a change, or applied consistently', async () => {
    const key = await deriveKey('fuzz passphrase', newKdfParams(2 ** 12));
    const good = {
      format: 'ferry-sync-log',
      version: 1,
      device: 'dev-other',
      seq: 1,
      records: [
        { k: 'c', id: 'c-1', v: 1, d: 'dev-other', data: { title: 'T', titleIsAuto: false, createdAt: 1, updatedAt: 2, connectionId: null, model: null, activeLeafId: 'm-1', systemPrompt: null, contextMessages: null, temperature: null, topP: null, maxTokens: null, pinned: false, deletedAt: null } },
        { k: 'm', id: 'm-1', v: 2, d: 'dev-other', data: { conversationId: 'c-1', parentId: null, role: 'user', content: 'hi', reasoning: '', status: 'done', errorJson: null, model: null, createdAt: 1, updatedAt: 1, reasoningMs: null, promptTokens: null, completionTokens: null, usageEstimated: null } },
      ],
    };
    const random = rng(0x5eed);
    const store = openSyncStore(dbFile);
    try {
      for (let i = 0; i < 200; i++) {
        const sealed = i % 2 === 0 ? mutate(sealJson(key, 'dev-other/1', good), random) : sealJson(key, 'dev-other/1', mutateValue(good, random));
        const before = fingerprint();
        const parsed = LogFile.safeParse(openJson(key, 'dev-other/1', sealed));
        if (!parsed.success) {
          expect(fingerprint()).toBe(before);
          continue;
        }
        store.applyFile('dev-other', 0, parsed.data.records, Date.now());
      }
    } finally {
      store.close();
    }
    const db = new Database(dbFile, { readonly: true });
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    db.close();
  });
});
