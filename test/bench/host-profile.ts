/**
 * Where the browser host's CPU goes while it streams one answer: the host is restarted with its
 * inspector open on a free loopback port, and V8's sampling profiler runs over the stream only
 * (the inspector protocol, over `ws`). Samples are mapped through the bundle's source map to the
 * package or source file they ran in.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import type { CpuProfile, TopCost } from './cdp';
import { streamOnce, type StreamSample, type StreamSpec } from './stream-run';
import { nodeNow, type World } from './world';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface HostProfile {
  sample: StreamSample;
  /** Self time by package (node_modules) or source folder, inside the stream's window. */
  byArea: TopCost[];
  /** Self time by function (area: name). */
  byFunction: TopCost[];
  windowMs: number;
}

interface Frame {
  url: string;
  functionName: string;
  lineNumber: number;
  columnNumber: number;
}

function areaOf(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = source.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const rel = source.replace(/^.*?\/(electron|shared)\//, '$1/');
  return rel.replace(/\/[^/]+$/, '/') + rel.replace(/^.*\//, '');
}

/** A minimal inspector-protocol client: one request at a time is all we need. */
async function inspector(url: string) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let id = 0;
  const pending = new Map<number, (result: unknown) => void>();
  socket.on('message', (data) => {
    const msg = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (msg.id !== undefined) pending.get(msg.id)?.(msg.result);
  });
  return {
    send: (method: string, params: object = {}) =>
      new Promise<unknown>((resolve) => {
        pending.set(++id, resolve);
        socket.send(JSON.stringify({ id, method, params }));
      }),
    close: () => socket.close(),
  };
}

type Profile = Omit<CpuProfile, 'nodes'> & { startTime: number; endTime: number; nodes: { id: number; callFrame: Frame }[] };

export async function profileHost(world: World, spec: StreamSpec, conversationId: string, label: string): Promise<HostProfile> {
  await world.restartHost({ NODE_OPTIONS: '--inspect=127.0.0.1:0' });
  try {
    const url = /Debugger listening on (ws:\/\/\S+)/.exec(world.host.output())?.[1];
    if (!url) throw new Error(`the host opened no inspector:\n${world.host.output()}`);
    const client = await inspector(url);
    await client.send('Profiler.enable');
    await client.send('Profiler.setSamplingInterval', { interval: Number(process.env.FERRY_BENCH_HOST_PROFILE_US ?? 500) });
    let t0 = 0;
    let windowMs = 0;
    let profile: Profile | undefined;
    const around = {
      start: () => ((t0 = nodeNow()), client.send('Profiler.start')),
      stop: async () => {
        windowMs = nodeNow() - t0;
        profile = ((await client.send('Profiler.stop')) as { profile: Profile }).profile;
      },
    };
    const sample = await streamOnce(world, spec, { conversationId, probes: false, heap: false, analysis: false, around }, label);
    client.close();
    if (!profile) throw new Error('no profile');
    // For a closer look (e.g. in Chrome's DevTools): FERRY_BENCH_HOST_PROFILE=<file.cpuprofile>.
    if (process.env.FERRY_BENCH_HOST_PROFILE) writeFileSync(process.env.FERRY_BENCH_HOST_PROFILE, JSON.stringify(profile));
    const map = new SourceMap(JSON.parse(readFileSync(join(ROOT, 'dist-electron/web.cjs.map'), 'utf8')));
    const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    const area = new Map<string, number>();
    const fn = new Map<string, number>();
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const frame = byId.get(samples[i]!);
      if (!frame) continue;
      const us = deltas[i + 1] ?? 0;
      let key: string;
      if (!frame.url) key = `(${frame.functionName.replace(/^\((.*)\)$/, '$1') || 'native'})`;
      else if (frame.url.endsWith('web.cjs')) {
        const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string };
        key = entry.originalSource ? areaOf(entry.originalSource) : 'web.cjs';
      } else key = frame.url.startsWith('node:') ? frame.url : areaOf(frame.url.replace(/^file:\/\//, ''));
      if (key === '(idle)') continue;
      area.set(key, (area.get(key) ?? 0) + us);
      const name = `${key}: ${frame.functionName || '(anonymous)'}`;
      fn.set(name, (fn.get(name) ?? 0) + us);
    }
    const top = (m: Map<string, number>, n: number) =>
      [...m].map(([name, us]) => ({ name, selfMs: us / 1000 })).sort((a, b) => b.selfMs - a.selfMs).slice(0, n);
    return { sample, byArea: top(area, 14), byFunction: top(fn, 16), windowMs };
  } finally {
    await world.restartHost({});
  }
}
