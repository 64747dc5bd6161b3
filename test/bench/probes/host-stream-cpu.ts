/**
 * The browser host's CPU per streamed answer, without a browser in the way:
 * `npx tsx test/bench/probes/host-stream-cpu.ts <history.db> [rounds] [name=DIR …]`.
 * The bench's long answer (80,000 characters, 40 every 20 ms: 500 tok/s) is sent with `chat.send`
 * over the host's own WebSocket bridge from this process (what the page does), into copies of the
 * 2,000-message conversation; the host's CPU time (all threads, /proc) is read from the send until
 * the stream's `chat.end`, per thread group. Each block restarts the host from one build, streams
 * one answer to warm it (not counted), then two; blocks alternate between the builds given and this one.
 * Chromium is used once, to set up the connection as a user would.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'libsql';
import WebSocket from 'ws';
import { CHUNK_CHARS, delayFor, specFor, THIS_BUILD } from '../renderer';
import { longAnswer } from '../stream-answer';
import { cloneConversation, nodeNow, processCpuMs, setUpConnection, sleep, startWorld, untilQuiet } from '../world';

const [dbFile, roundsArg, ...rest] = process.argv.slice(2);
if (!dbFile) throw new Error('usage: host-stream-cpu.ts <history.db> [rounds] [name=DIR …]');
const rounds = Number(roundsArg ?? 2);
const builds = [...rest.map((b) => ({ name: b.split('=')[0]!, root: resolve(b.split('=')[1]!) })), THIS_BUILD];
const PER_BLOCK = 2;

function mainAndOthers(pid: number): { main: number; others: number } {
  let main = 0;
  let others = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = (Number(f[11]) + Number(f[12])) * 10;
      if (tid === String(pid)) main += ms;
      else others += ms;
    } catch {
      // ended meanwhile
    }
  }
  return { main, others };
}

const db = new Database(dbFile, { readonly: true });
const longId = String((db.prepare('SELECT conversation_id AS id FROM messages GROUP BY conversation_id HAVING count(*) = 2000 LIMIT 1').get() as { id: string }).id);
db.close();
const copies = cloneConversation(dbFile, longId, rounds * builds.length * (PER_BLOCK + 1), `hs${Date.now().toString(36)}-`);
const spec = specFor(longAnswer(), CHUNK_CHARS, delayFor(500));
const world = await startWorld(dbFile, builds[0]!.root);

async function bridge() {
  const page = new URL(world.host.url);
  const socket = new WebSocket(`ws://${page.host}/bridge?token=${page.searchParams.get('token')}`, { origin: `http://${page.host}` });
  await new Promise((r, j) => socket.once('open', r).once('error', j));
  let id = 0;
  const results = new Map<number, (r: unknown) => void>();
  const listeners = new Set<(e: { name: string; payload: Record<string, unknown> }) => void>();
  socket.on('message', (data) => {
    const m = JSON.parse(String(data)) as { type: string; id: number; result: unknown; event: { name: string; payload: Record<string, unknown> } };
    if (m.type === 'result') results.get(m.id)?.(m.result);
    else for (const l of listeners) l(m.event);
  });
  return {
    invoke: (route: string, input: unknown) =>
      new Promise<{ ok: boolean; data?: Record<string, unknown> }>((r) => {
        results.set(++id, r as (x: unknown) => void);
        socket.send(JSON.stringify({ type: 'invoke', id, route, input }));
      }),
    listeners,
    close: () => socket.close(),
  };
}

async function streamOne(): Promise<{ cpu: number; main: number; others: number; deltas: number; seconds: number }> {
  const pid = world.host.child.pid!;
  const b = await bridge();
  world.fixture.configure({ text: spec.answer.text, chunks: spec.chunks, steady: true, chunkDelayMs: spec.delayMs, repeat: 1, firstByteDelayMs: 0 });
  await untilQuiet(pid);
  let deltas = 0;
  let answerId = '';
  const finished = new Promise<void>((r) =>
    b.listeners.add((e) => {
      if (e.name === 'chat.delta') deltas += 1;
      // chat.end since the stream's end stopped carrying the text; message.updated for older builds.
      if ((e.name === 'chat.end' && (e.payload.message as { id?: string }).id === answerId) || (e.name === 'message.updated' && e.payload.id === answerId && e.payload.status !== 'streaming')) r();
    }),
  );
  const t0 = nodeNow();
  const c0 = processCpuMs(pid);
  const th0 = mainAndOthers(pid);
  const sent = await b.invoke('chat.send', { conversationId: copies.shift()!, text: 'Benchmark stream: write the long walkthrough' });
  if (!sent.ok) throw new Error(`chat.send failed: ${JSON.stringify(sent)}`);
  answerId = String((sent.data!.assistantMessage as { id: string }).id);
  await finished;
  // What the end of the answer makes the host do (the final write, the sidebar's touch) is the answer's.
  await sleep(300);
  const c1 = processCpuMs(pid);
  const th1 = mainAndOthers(pid);
  b.close();
  return { cpu: c1 - c0, main: th1.main - th0.main, others: th1.others - th0.others, deltas, seconds: (nodeNow() - t0) / 1000 };
}

try {
  await setUpConnection(world);
  const results = new Map<string, number[]>();
  for (let r = 0; r < rounds; r++) {
    for (const build of builds) {
      await world.restartHost({}, build.root);
      const warm = await streamOne();
      console.log(`${build.name} round ${r} warm-up: ${warm.cpu} ms (main ${warm.main}, other threads ${warm.others}), ${warm.deltas} deltas, ${warm.seconds.toFixed(1)} s`);
      for (let i = 0; i < PER_BLOCK; i++) {
        const s = await streamOne();
        results.set(build.name, [...(results.get(build.name) ?? []), s.cpu]);
        console.log(`${build.name} round ${r} #${i}: ${s.cpu} ms (main ${s.main}, other threads ${s.others}), ${s.deltas} deltas, ${s.seconds.toFixed(1)} s, load ${(await import('node:os')).loadavg()[0]!.toFixed(1)}`);
      }
    }
  }
  for (const [name, xs] of results) console.log(`${name}: median ${[...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]} ms (${xs.join(', ')})`);
} finally {
  await world.stop();
}
