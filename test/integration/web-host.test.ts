import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WsServerMessage } from '../../shared/bridge';
import { createLogger } from '../../electron/core/logger';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { startTestCore, type TestCore } from './support/test-core';

const TOKEN = 'test-token-abcdefghijklmnopqrstuvwxyz';
let t: TestCore;
let host: WebHost;
let origin: string;
let staticDir: string;

beforeAll(async () => {
  t = await startTestCore();
  staticDir = mkdtempSync(join(tmpdir(), 'ferry-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Ferry</title>');
  host = await startWebHost({ core: t.core, staticDir, port: 0, token: TOKEN, logger: createLogger(() => {}) });
  origin = `http://127.0.0.1:${host.port}`;
});
afterAll(async () => {
  await host.close();
  await t.dispose();
  rmSync(staticDir, { recursive: true, force: true });
});

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers }, (res) => {
      res.resume();
      resolve({ status: res.statusCode!, headers: res.headers });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens the bridge; resolves with the socket, or rejects with the HTTP status it was refused with. */
function connect(query: string, headers: Record<string, string> = { Origin: origin }): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/bridge${query}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(String(res.statusCode))));
    ws.once('error', reject);
  });
}

function invoke(ws: WebSocket, id: number, route: string, input: unknown): Promise<WsServerMessage> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const msg = JSON.parse(String(data)) as WsServerMessage;
      if (msg.type === 'result' && msg.id === id) {
        ws.off('message', onMessage);
        resolve(msg);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'invoke', id, route, input }));
  });
}

describe('browser host', () => {
  it('listens on loopback only', () => {
    expect(host.address).toBe('127.0.0.1');
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
  });

  it('serves the UI with a strict CSP', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain(`ws://127.0.0.1:${host.port}`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect((await get('/', { Host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await get('/', { Host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('refuses the bridge without the token, with a wrong token, from a foreign origin or host', async () => {
    await expect(connect('')).rejects.toThrow('401');
    await expect(connect('?token=wrong')).rejects.toThrow('401');
    await expect(connect(`?token=${TOKEN}`, { Origin: 'http://evil.example' })).rejects.toThrow('403');
    await expect(connect(`?token=${TOKEN}`, {})).rejects.toThrow('403');
    await expect(connect(`?token=${TOKEN}`, { Origin: origin, Host: 'evil.example' })).rejects.toThrow('403');
  });

  it('carries requests to the router and events back', async () => {
    const ws = await connect(`?token=${TOKEN}`);
    try {
      const info = await invoke(ws, 1, 'app.info', {});
      expect(info).toMatchObject({ type: 'result', id: 1, result: { ok: true, data: { host: 'web', version: 'test' } } });

      const bad = await invoke(ws, 2, 'conversations.get', { id: 42 });
      expect(bad).toMatchObject({ result: { ok: false, error: { code: 'invalid_input' } } });

      const events: WsServerMessage[] = [];
      ws.on('message', (d) => events.push(JSON.parse(String(d)) as WsServerMessage));
      const saved = await invoke(ws, 3, 'connections.save', { name: 'X', baseUrl: 'http://127.0.0.1:1/v1', model: 'm' });
      expect(saved).toMatchObject({ result: { ok: true } });
      expect(events).toContainEqual({ type: 'event', event: { name: 'connections.changed', payload: {} } });
    } finally {
      ws.close();
    }
  });

  it("sends a page the streamed text of the conversation it watches only, and everything else to every page", async () => {
    const watching = await connect(`?token=${TOKEN}`);
    const silent = await connect(`?token=${TOKEN}`);
    try {
      const got = (ws: WebSocket) => {
        const events: { name: string; conversationId?: string }[] = [];
        ws.on('message', (d) => {
          const msg = JSON.parse(String(d)) as WsServerMessage;
          if (msg.type === 'event') events.push({ name: msg.event.name, ...(msg.event.name === 'chat.delta' ? { conversationId: msg.event.payload.conversationId } : {}) });
        });
        return events;
      };
      const seenByWatching = got(watching);
      const seenBySilent = got(silent);
      const delta = (conversationId: string) => t.core.events.emit('chat.delta', { conversationId, messageId: `${conversationId}-m`, part: 'content', offset: 0, text: 'x' });
      /** Emits a round of events and waits until both pages have the last one (events keep their order). */
      const round = async () => {
        const before = [seenByWatching.length, seenBySilent.length];
        delta('conv-a');
        delta('conv-b');
        t.core.events.emit('connections.changed', {});
        await expect.poll(() => [seenByWatching, seenBySilent].every((s) => s.at(-1)?.name === 'connections.changed' && s.length > before[s === seenByWatching ? 0 : 1]!)).toBe(true);
        return [seenByWatching.splice(0), seenBySilent.splice(0)];
      };

      watching.send(JSON.stringify({ type: 'watch', conversationId: 'conv-a' }));
      // Requests are handled in order: once this one is answered, the watch is in place.
      await invoke(watching, 1, 'app.info', {});
      const all = [{ name: 'chat.delta', conversationId: 'conv-a' }, { name: 'chat.delta', conversationId: 'conv-b' }, { name: 'connections.changed' }];
      expect(await round()).toEqual([[{ name: 'chat.delta', conversationId: 'conv-a' }, { name: 'connections.changed' }], all]);

      // Watching none again (a new chat): everything.
      watching.send(JSON.stringify({ type: 'watch', conversationId: null }));
      await invoke(watching, 2, 'app.info', {});
      expect(await round()).toEqual([all, all]);
    } finally {
      watching.close();
      silent.close();
    }
  });

  it('closes the socket on a watch that is not one', async () => {
    const ws = await connect(`?token=${TOKEN}`);
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.send(JSON.stringify({ type: 'watch', conversationId: 42 }));
    expect(await closed).toBe(1003);
  });

  it('closes the socket on a malformed message', async () => {
    const ws = await connect(`?token=${TOKEN}`);
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.send('not json');
    expect(await closed).toBe(1003);
  });
});
