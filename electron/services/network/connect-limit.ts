import { connect as tcpConnect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { Hop } from './first-hop';

export type ProbeResult = 'connected' | 'timeout' | 'failed';

/**
 * Opens (and closes) one connection to `hop` — TCP, plus the TLS handshake when the hop speaks TLS —
 * within `limitMs`. Certificates are not judged here: that is the real request's job.
 */
export function probeHop(hop: Hop, limitMs: number): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const socket = hop.tls
      ? tlsConnect({ host: hop.host, port: hop.port, servername: hop.servername, rejectUnauthorized: false, ALPNProtocols: ['h2', 'http/1.1'] })
      : tcpConnect({ host: hop.host, port: hop.port });
    const done = (result: ProbeResult) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => done('timeout'), limitMs);
    socket.once(hop.tls ? 'secureConnect' : 'connect', () => done('connected'));
    socket.once('error', () => done('failed'));
  });
}

/** What Chromium itself says when a connection times out; the upstream error mapping knows it. */
export const CONNECT_TIMED_OUT = 'net::ERR_CONNECTION_TIMED_OUT';

/**
 * The connect time limit for a network stack that has none of its own to set (Electron's net.fetch):
 * while the request runs, a probe connects to the same first hop; if the probe cannot connect within
 * the limit and the response has not started either, the request is aborted as a connection timeout.
 * A hop that just answered is not probed again for a while, so a stream of requests costs one probe.
 */
export function withConnectLimit(
  fetcher: typeof fetch,
  options: {
    limitMs: number;
    hopFor: (url: string) => Promise<Hop>;
    probe?: typeof probeHop;
    /** Hops that connected lately, shared between the fetches of one host. */
    recent?: Map<string, number>;
    recentMs?: number;
    now?: () => number;
  },
): typeof fetch {
  const recent = options.recent ?? new Map<string, number>();
  const probe = options.probe ?? probeHop;
  const now = options.now ?? Date.now;
  const recentMs = options.recentMs ?? 60_000;
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const hop = await options.hopFor(url);
    const key = `${hop.host}:${hop.port}:${hop.tls}`;
    if (now() - (recent.get(key) ?? -Infinity) < recentMs) return fetcher(input, init);

    const controller = new AbortController();
    const outer = init?.signal;
    if (outer?.aborted) controller.abort(outer.reason);
    outer?.addEventListener('abort', () => controller.abort(outer.reason), { once: true });
    let answered = false;
    let timedOut = false;
    void probe(hop, options.limitMs).then((result) => {
      if (result === 'connected') recent.set(key, now());
      if (result === 'timeout' && !answered) {
        timedOut = true;
        controller.abort(new Error(`${CONNECT_TIMED_OUT} (${hop.host}:${hop.port} did not answer within ${options.limitMs} ms)`));
      }
    });
    try {
      const response = await fetcher(input, { ...init, signal: controller.signal });
      answered = true;
      return response;
    } catch (error) {
      if (timedOut) throw new Error(`${CONNECT_TIMED_OUT}: ${hop.host}:${hop.port} did not answer within ${options.limitMs} ms`, { cause: error });
      throw error;
    }
  }) as typeof fetch;
}
