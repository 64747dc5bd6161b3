/**
 * What the page's JavaScript heap gains while an answer streams, by kind of object:
 *   npx tsx test/bench/probes/heap-growth.ts [--answer long|paragraphs] [--at 0.25] [--top 30] [--native] [--root <built copy>]
 * Streams the bench's long answer (500 tok/s) into a new chat of a small generated history, takes a heap
 * snapshot (after a forced GC, as any snapshot is) at the given share of the stream and another once the
 * answer settled, and lists what grew between the two: self size and count per constructor or
 * native type (V8's objects only; `--native` adds Blink's). Target 1 asks for a heap "flat as the answer grows": this says what is not.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CDPSession } from 'playwright-core';
import { generateHistory } from '../generate';
import { paragraphs } from '../pathological';
import { CHUNK_CHARS, delayFor, specFor } from '../renderer';
import { longAnswer } from '../stream-answer';
import { streamOnce } from '../stream-run';
import { setUpConnection, sleep, startWorld } from '../world';

const { values } = parseArgs({
  options: {
    answer: { type: 'string', default: 'long' },
    at: { type: 'string', default: '0.25' },
    top: { type: 'string', default: '30' },
    /** Blink's own objects too (the DOM, styles, layout): a snapshot holds them, the bench's "JS heap" does not. */
    native: { type: 'boolean', default: false },
    /** Another built copy of the app (package.json, dist/, dist-electron/) instead of this one. */
    root: { type: 'string', default: '' },
  },
});

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

/** Self size and count per "type name" (constructor for objects, the type for strings, code, arrays …). */
async function sizesByKind(cdp: CDPSession): Promise<Map<string, { size: number; count: number }>> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => void chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join('')) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const out = new Map<string, { size: number; count: number }>();
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + typeAt]!]!;
    const name = type === 'object' || type === 'native' || type === 'closure' ? snap.strings[snap.nodes[i + nameAt]!]! : '';
    const key = `${type} ${name.slice(0, 60)}`;
    const v = out.get(key) ?? { size: 0, count: 0 };
    v.size += snap.nodes[i + sizeAt]!;
    v.count++;
    out.set(key, v);
  }
  return out;
}

const answer = values.answer === 'paragraphs' ? paragraphs() : longAnswer();
const spec = values.answer === 'paragraphs' ? specFor(answer, 5_000, 20) : specFor(answer, CHUNK_CHARS, delayFor(500));
const dir = mkdtempSync(join(tmpdir(), 'ferry-heap-'));
const dbFile = join(dir, 'ferry.db');
generateHistory(dbFile, { conversations: 200, messages: 4_000, longConversation: 500, seed: 20261201 });
const world = await startWorld(dbFile, values.root ? resolve(values.root) : join(import.meta.dirname, '..', '..', '..'));
try {
  await setUpConnection(world);
  let cdp: CDPSession | undefined;
  let early: Promise<Map<string, { size: number; count: number }>> | undefined;
  let late: Map<string, { size: number; count: number }> | undefined;
  await streamOnce(
    world,
    spec,
    {
      conversationId: null,
      probes: false,
      heap: false,
      analysis: false,
      async beforeEnter(page) {
        cdp = await page.context().newCDPSession(page);
      },
      around: {
        start: async () => {
          early = sleep(spec.chunks.length * spec.delayMs * Number(values.at)).then(() => sizesByKind(cdp!));
        },
        stop: async () => {
          await early;
          late = await sizesByKind(cdp!);
        },
      },
    },
    'heap',
  );
  const before = await early!;
  const rows = [...late!].filter(([key]) => values.native || !key.startsWith('native ')).map(([key, v]) => {
    const b = before.get(key) ?? { size: 0, count: 0 };
    return { key, grew: v.size - b.size, count: v.count - b.count, total: v.size };
  });
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + f(r), 0);
  console.log(`heap self size: ${(sum((r) => r.total - r.grew) / 2 ** 20).toFixed(1)} MB at ${values.at} of the stream → ${(sum((r) => r.total) / 2 ** 20).toFixed(1)} MB settled`);
  for (const r of rows.sort((a, b) => b.grew - a.grew).slice(0, Number(values.top))) {
    console.log(`  ${(r.grew / 1024).toFixed(0).padStart(7)} KB ${String(r.count).padStart(7)} × ${r.key}`);
  }
} finally {
  await world.stop();
  rmSync(dir, { recursive: true, force: true });
}
