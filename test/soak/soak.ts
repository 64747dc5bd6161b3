import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureServer } from '../fixture';
import { dbFacts } from '../integration/faults/support/db-facts';
import { connectBridge, startHost, type BridgeClient } from '../integration/faults/support/host-client';
import { connectInspector, inspectorUrlIn } from './inspector';

/**
 * A long day, compressed: the built browser host (run with --inspect so its heap can be measured
 * after a full GC) gets thousands of sends spread over many conversations against the fixture,
 * key reads, settings changes and page reconnects. Samples open descriptors, heap after GC, event
 * listeners and libuv handles as it goes; at the end checks every answer was stored with its key.
 */
export interface SoakOptions {
  /** Environment for the host: the Secret Service bus to use. */
  env: NodeJS.ProcessEnv;
  /** Stop after this many sends, or … */
  sends?: number;
  /** … after this long, whichever comes first. */
  durationMs?: number;
  conversations: number;
  /** A sample every this many sends (the first after `warmupSends` is the baseline). */
  sampleEvery: number;
  warmupSends: number;
  log?: (line: string) => void;
}

export interface SoakSample {
  sends: number;
  atMs: number;
  fds: number;
  heapMb: number;
  busListeners: number;
  handles: number;
  processListeners: number;
}

export interface SoakReport {
  sends: number;
  keyReads: number;
  settingsChanges: number;
  reconnects: number;
  conversations: number;
  durationMs: number;
  samples: SoakSample[];
  baseline: SoakSample;
  final: SoakSample;
  /** Answers the database holds as done, and the chat requests the fixture saw (with the key / in all). */
  stored: { answersDone: number; messages: number; integrity: unknown };
  requests: { chats: number; withKey: number };
  exitMs: number;
  exitCode: number | null;
}

const KEY = `sk-soak-${Date.now()}-Sk9k`;
const STATS = `(() => {
  const s = globalThis[Symbol.for('ferry.stats')]();
  return { ...s, handles: process._getActiveHandles().length,
    processListeners: ['SIGINT', 'SIGTERM', 'SIGHUP', 'exit', 'uncaughtException'].reduce((n, e) => n + process.listenerCount(e), 0) };
})()`;

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const log = options.log ?? (() => {});
  const maxSends = options.sends ?? Number.POSITIVE_INFINITY;
  const deadline = Date.now() + (options.durationMs ?? Number.POSITIVE_INFINITY);
  const dataDir = mkdtempSync(join(tmpdir(), 'ferry-soak-'));
  const fixture = await startFixtureServer({ scenario: { requireKey: KEY, text: 'A short soak answer, with **Markdown** and 中文.', usageChunk: true } });
  const host = await startHost(dataDir, { ...options.env, FERRY_KEYCHAIN_SERVICE: `ferry-soak-${process.pid}-${Date.now()}` }, {
    nodeArgs: ['--inspect=127.0.0.1:0'],
  });
  try {
    const url = inspectorUrlIn(host.output());
    if (!url) throw new Error(`the host printed no inspector address:\n${host.output()}`);
    const inspector = await connectInspector(url);
    let bridge: BridgeClient = host;
    const saved = await bridge.call('connections.save', { name: 'Soak', baseUrl: fixture.baseUrl, model: 'fixture-model' });
    await bridge.call('connections.setKey', { id: saved.id, key: KEY, storage: 'keychain' });
    await bridge.call('connections.select', { id: saved.id });

    const started = Date.now();
    const samples: SoakSample[] = [];
    const sample = async (sends: number): Promise<SoakSample> => {
      const heap = await inspector.heapAfterGc();
      const stats = await inspector.evaluate<{ busListeners: number; handles: number; processListeners: number }>(STATS);
      const s = {
        sends,
        atMs: Date.now() - started,
        fds: readdirSync(`/proc/${host.pid}/fd`).length,
        heapMb: Math.round((heap / 2 ** 20) * 100) / 100,
        busListeners: stats.busListeners,
        handles: stats.handles,
        processListeners: stats.processListeners,
      };
      samples.push(s);
      log(`soak: ${sends} sends, ${s.fds} fds, heap ${s.heapMb} MB after GC, ${s.busListeners} bus listeners, ${s.handles} handles`);
      return s;
    };

    const conversationIds: string[] = [];
    let sends = 0;
    let keyReads = 0;
    let settingsChanges = 0;
    let reconnects = 0;
    let baseline: SoakSample | null = null;
    while (sends < maxSends && Date.now() < deadline) {
      const slot = sends % options.conversations;
      const conversationId = conversationIds[slot];
      const sent = await bridge.call('chat.send', { text: `question ${sends} of the soak`, ...(conversationId ? { conversationId } : {}) });
      conversationIds[slot] = sent.conversation.id;
      await bridge.waitForEvent((e) => e.name === 'chat.end' && e.payload.message.id === sent.assistantMessage.id, 20_000);
      // The test process must not grow either: keep only what the next wait needs.
      bridge.events.length = 0;
      sends += 1;

      if (sends % 10 === 0) {
        for (let i = 0; i < 10; i++) {
          const [view] = await bridge.call('connections.list', {});
          if (!view?.key.set || view.key.unreadable) throw new Error(`key read ${keyReads} failed: ${JSON.stringify(view?.key)}`);
          keyReads += 1;
        }
        await bridge.call('prefs.set', { theme: sends % 20 === 0 ? 'dark' : 'light' });
        await bridge.call('prefs.setTimeouts', { timeouts: { idleMs: 120_000 + (sends % 7) * 1_000 } });
        await bridge.call('connections.save', { id: saved.id, name: `Soak ${sends % 5}`, baseUrl: fixture.baseUrl, model: 'fixture-model' });
        await bridge.call('conversations.get', { id: sent.conversation.id });
        settingsChanges += 3;
      }
      if (sends % 50 === 0) {
        // A page reload: the old bridge goes away, a new one subscribes.
        if (bridge !== host) bridge.close();
        bridge = await connectBridge(host.url);
        reconnects += 1;
      }
      if (sends === options.warmupSends) baseline = await sample(sends);
      else if (sends > options.warmupSends && sends % options.sampleEvery === 0) await sample(sends);
    }
    if (bridge !== host) bridge.close();
    // Only the host's own bridge is attached again; let the closed one's unsubscribe land.
    await new Promise((r) => setTimeout(r, 200));
    const final = await sample(sends);
    inspector.close();

    const exitStarted = Date.now();
    host.signal('SIGTERM');
    const end = await host.exited;
    const { answersDone, messages, integrity } = dbFacts(join(dataDir, 'ferry.db'));
    const stored = { answersDone, messages, integrity };
    const chats = fixture.requests.filter((r) => r.path.endsWith('/chat/completions'));
    return {
      sends,
      keyReads,
      settingsChanges,
      reconnects,
      conversations: conversationIds.length,
      durationMs: Date.now() - started,
      samples,
      baseline: baseline ?? samples[0]!,
      final,
      stored,
      requests: { chats: chats.length, withKey: chats.filter((r) => r.headers.authorization === `Bearer ${KEY}`).length },
      exitMs: end.at - exitStarted,
      exitCode: end.code,
    };
  } finally {
    await host.kill();
    await fixture.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** What "flat" means, checked by both the short soak in `npm test` and `npm run soak`. Empty when all hold. */
export function soakProblems(report: SoakReport): string[] {
  const problems: string[] = [];
  const { baseline, final } = report;
  const heapSlack = Math.max(4, baseline.heapMb * 0.15);
  if (final.fds - baseline.fds > 5) problems.push(`open fds grew from ${baseline.fds} to ${final.fds}`);
  if (final.heapMb - baseline.heapMb > heapSlack) problems.push(`heap after GC grew from ${baseline.heapMb} MB to ${final.heapMb} MB (allowed +${heapSlack.toFixed(1)} MB)`);
  if (final.busListeners !== 1) problems.push(`${final.busListeners} event-bus listeners with one page attached`);
  if (final.handles - baseline.handles > 3) problems.push(`libuv handles grew from ${baseline.handles} to ${final.handles}`);
  if (final.processListeners !== baseline.processListeners) problems.push(`process listeners went from ${baseline.processListeners} to ${final.processListeners}`);
  if (report.stored.integrity !== 'ok') problems.push(`integrity_check: ${String(report.stored.integrity)}`);
  if (report.stored.answersDone !== report.sends) problems.push(`${report.stored.answersDone} answers stored as done for ${report.sends} sends`);
  if (report.requests.chats !== report.sends || report.requests.withKey !== report.sends) {
    problems.push(`${report.requests.chats} chat requests (${report.requests.withKey} with the key) for ${report.sends} sends`);
  }
  if (report.exitCode !== 0) problems.push(`the host exited with ${report.exitCode} on SIGTERM`);
  return problems;
}
