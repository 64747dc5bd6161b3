import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventStreamFetch, takeNodeBody } from '../../electron/services/network/event-stream-fetch';
import { readBodyText } from '../../electron/services/upstream/read-body';

/** Routes of a small server, each doing one thing fetch has to get right. */
const seen: { path: string; method: string; headers: IncomingMessage['headers']; body: string }[] = [];
let closedMidStream = 0;
const routes: Record<string, (req: IncomingMessage, res: ServerResponse, body: string) => void> = {
  '/sse': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('data: {"a":1}\n\n');
    setTimeout(() => res.end('data: [DONE]\n\n'), 20);
  },
  '/sse-gzip': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'content-encoding': 'gzip' });
    res.end(gzipSync('data: {"zipped":true}\n\ndata: [DONE]\n\n'));
  },
  '/json-401': (_req, res) => {
    res.writeHead(401, { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] });
    res.end('{"error":{"message":"bad key"}}');
  },
  '/moved': (_req, res) => {
    res.writeHead(307, { location: '/sse' });
    res.end();
  },
  '/cut': (req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('data: {"a":1}\n\n');
    setTimeout(() => req.socket.destroy(), 20);
  },
  '/slow': (req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('data: {"a":1}\n\n');
    const timer = setInterval(() => res.write(': ping\n\n'), 10);
    req.socket.on('close', () => {
      clearInterval(timer);
      closedMidStream += 1;
    });
  },
  '/bom': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    // A byte-order mark, and a Chinese character split across two writes.
    const bytes = Buffer.from('\uFEFFdata: 中\n\n');
    res.write(bytes.subarray(0, 11));
    setTimeout(() => res.end(bytes.subarray(11)), 10);
  },
  '/odd-status': (_req, res) => {
    res.writeHead(999, { 'content-type': 'application/json' });
    res.end('{"error":"odd"}');
  },
  '/latin1-reason': (_req, res) => {
    res.writeHead(200, 'Tr\u00e8s bien', { 'content-type': 'text/event-stream' });
    res.end('data: [DONE]\n\n');
  },
  '/empty': (_req, res) => {
    res.writeHead(204);
    res.end();
  },
};

let server: Server;
let base: string;
const dispatcher = new Agent();
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += String(d)));
    req.on('end', () => {
      seen.push({ path: req.url ?? '', method: req.method ?? '', headers: req.headers, body });
      (routes[req.url ?? ''] ?? ((_, r) => r.writeHead(404).end()))(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await dispatcher.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const post = (path: string, init: RequestInit = {}) =>
  eventStreamFetch(`${base}${path}`, { method: 'POST', body: '{"q":1}', headers: { 'content-type': 'application/json' }, ...init }, dispatcher);

async function readAll(response: Response, signal = new AbortController().signal) {
  let text = '';
  await readBodyText(response, (t) => ((text += t), true), signal);
  return text;
}

describe('eventStreamFetch (fetch over undici request, for the upstream calls)', () => {
  it('a streamed answer is readable as Node stream, whole, without touching the web body', async () => {
    const response = await post('/sse');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const node = takeNodeBody(response);
    expect(node).toBeDefined();
    // Taken once: a second reader gets nothing to take.
    expect(takeNodeBody(response)).toBeUndefined();
    let text = '';
    for await (const chunk of node!) text += String(chunk);
    expect(text).toBe('data: {"a":1}\n\ndata: [DONE]\n\n');
  });

  it('sends the body and headers as given, plus fetch\'s own defaults, and offers no compression', async () => {
    await readAll(await post('/sse', { headers: { 'content-type': 'application/json', 'x-extra': 'yes' } }));
    const request = seen.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', body: '{"q":1}' });
    expect(request.headers).toMatchObject({ 'content-type': 'application/json', 'x-extra': 'yes', accept: '*/*', 'accept-language': '*', 'sec-fetch-mode': 'cors' });
    expect(request.headers['accept-encoding']).toBeUndefined();
  });

  it('an error answer reads like fetch\'s: text, JSON, repeated headers, and a clone beside it', async () => {
    const response = await post('/json-401');
    expect(response.ok).toBe(false);
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    const copy = response.clone();
    // Cloned: the Node stream is no longer free to take; both copies read the whole body.
    expect(takeNodeBody(response)).toBeUndefined();
    expect(await copy.text()).toBe('{"error":{"message":"bad key"}}');
    expect(await response.json()).toEqual({ error: { message: 'bad key' } });
  });

  it('a compressed stream is decoded, as fetch does', async () => {
    expect(await readAll(await post('/sse-gzip'))).toBe('data: {"zipped":true}\n\ndata: [DONE]\n\n');
  });

  it('follows a redirect as fetch does: a 307 keeps the POST and its body', async () => {
    const response = await post('/moved');
    expect(response.status).toBe(200);
    expect(await readAll(response)).toContain('[DONE]');
    expect(seen.slice(-2).map((r) => [r.path, r.method, r.body])).toEqual([
      ['/moved', 'POST', '{"q":1}'],
      ['/sse', 'POST', '{"q":1}'],
    ]);
  });

  it('a status without a body gives a null body', async () => {
    const response = await post('/empty');
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it('a refused connection throws what fetch throws: "fetch failed" with the system error as cause', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await eventStreamFetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: '{}' }, dispatcher).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('fetch failed');
    expect(((error as Error).cause as { code?: string }).code).toBe('ECONNREFUSED');
  });

  it('a connection cut mid-stream rejects the read as fetch\'s reader does: "terminated", after the text so far', async () => {
    let text = '';
    const error = await readBodyText(await post('/cut'), (t) => ((text += t), true), new AbortController().signal).catch((e: unknown) => e);
    expect(text).toBe('data: {"a":1}\n\n');
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('terminated');
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it('aborting mid-stream rejects the read with the abort reason and closes the socket', async () => {
    const controller = new AbortController();
    const before = closedMidStream;
    const response = await post('/slow', { signal: controller.signal });
    const reason = new Error('stopped by the user');
    let chunks = 0;
    const error = await readBodyText(response, () => (++chunks === 3 && controller.abort(reason), true), controller.signal).catch((e: unknown) => e);
    expect(error).toBe(reason);
    await expect.poll(() => closedMidStream).toBe(before + 1);
  });

  it('stopping the read early (onText says no more) closes the socket', async () => {
    const before = closedMidStream;
    let chunks = 0;
    await readBodyText(await post('/slow'), () => ++chunks < 2, new AbortController().signal);
    expect(chunks).toBe(2);
    await expect.poll(() => closedMidStream).toBe(before + 1);
  });

  it('an already aborted signal throws its reason without sending anything', async () => {
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    const count = seen.length;
    await expect(post('/sse', { signal: controller.signal })).rejects.toThrow('gone');
    expect(seen.length).toBe(count);
  });

  it('reads text the same from Node\'s stream and from a plain fetch body (Electron\'s path): no byte-order mark, characters split across reads kept whole', async () => {
    const viaRequest = await readAll(await post('/bom'));
    const plain = await fetch(`${base}/bom`, { method: 'POST', body: '{}' });
    expect(takeNodeBody(plain)).toBeUndefined();
    expect(await readAll(plain)).toBe(viaRequest);
    expect(viaRequest).toBe('data: 中\n\n');
  });

  it('a status no Response can hold, or a reason phrase it refuses, still reads as fetch would', async () => {
    const odd = await post('/odd-status');
    expect(odd.status).toBe(999);
    expect(odd.ok).toBe(false);
    expect(await odd.text()).toBe('{"error":"odd"}');
    const latin = await post('/latin1-reason');
    expect(latin.status).toBe(200);
    expect(await readAll(latin)).toBe('data: [DONE]\n\n');
  });

  it('a body nobody reads, cancelled or aborted, ends quietly and closes its socket', async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      const before = closedMidStream;
      // As the update check does with an error answer: its (whole, small) body is cancelled unread.
      const unread = await post('/json-401');
      await new Promise((resolve) => setTimeout(resolve, 20));
      await unread.body!.cancel();
      const cancelled = await post('/slow');
      await cancelled.body!.cancel();
      const controller = new AbortController();
      await post('/slow', { signal: controller.signal });
      controller.abort();
      await expect.poll(() => closedMidStream).toBe(before + 2);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });
});
