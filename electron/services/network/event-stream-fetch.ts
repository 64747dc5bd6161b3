import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { fetch as undiciFetch, request, type Dispatcher } from 'undici';

/**
 * fetch for the upstream calls, over undici's `request` on the same dispatcher (so the same proxy,
 * connect limit and sockets): a streamed answer can then be read as Node's stream (`takeNodeBody`)
 * instead of through fetch's WHATWG streams, which cost the browser host about twice the CPU per
 * frame of an answer (test/bench/probes/http-read-cost.ts). Everything a caller sees through the
 * Response is what fetch gives: status, headers, a readable body (error pages, JSON answers, clones),
 * fetch's error shapes ("fetch failed" / "terminated" with the cause, the abort reason on abort).
 * What `request` does not do is handed to fetch itself: redirects and statuses a Response cannot hold
 * (the request is sent again through fetch, which handles them as it always did) and bodies that are
 * not a string.
 * Unlike fetch, no `accept-encoding` is offered: an event stream is not worth compressing and a
 * compressing middlebox would only hold it back; a server that compresses anyway is decoded.
 */
export function eventStreamFetch(input: string | URL | Request, init: RequestInit | undefined, dispatcher: Dispatcher): Promise<Response> {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const body = init?.body;
  if (typeof input !== 'string' && !(input instanceof URL)) return viaFetch(input, init, dispatcher);
  if (body !== undefined && body !== null && typeof body !== 'string') return viaFetch(url, init, dispatcher);
  return requestOnce(url, init ?? {}, body ?? null, dispatcher);
}

const viaFetch = (input: string | Request, init: RequestInit | undefined, dispatcher: Dispatcher) =>
  undiciFetch(input as Parameters<typeof undiciFetch>[0], { ...(init as object), dispatcher } as Parameters<typeof undiciFetch>[1]) as unknown as Promise<Response>;

interface NodeBody {
  node: Readable;
  web: ReadableStream<Uint8Array>;
  taken: boolean;
}
const nodeBodies = new WeakMap<Response, NodeBody>();

/**
 * The body of a response made by `eventStreamFetch` as Node's stream, when nothing has read, locked
 * or cloned it as a web stream yet. Whoever takes it owns it (destroy it when done); afterwards the
 * web body is empty. Undefined for any other response: read `response.body` then.
 */
export function takeNodeBody(response: Response): Readable | undefined {
  const entry = nodeBodies.get(response);
  if (!entry || entry.taken || response.body !== entry.web || entry.web.locked) return undefined;
  entry.taken = true;
  return entry.node;
}

/** fetch's statuses without a body (within 200–599). */
const NULL_BODY = new Set([204, 205, 304]);

async function requestOnce(url: string, init: RequestInit, body: string | null, dispatcher: Dispatcher): Promise<Response> {
  const signal = init.signal ?? undefined;
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  // What fetch adds to every request when the caller did not set it.
  if (!headers.has('accept')) headers.set('accept', '*/*');
  if (!headers.has('accept-language')) headers.set('accept-language', '*');
  if (!headers.has('sec-fetch-mode')) headers.set('sec-fetch-mode', 'cors');
  if (body !== null && !headers.has('content-type')) headers.set('content-type', 'text/plain;charset=UTF-8');
  let answer: Dispatcher.ResponseData;
  try {
    if (signal?.aborted) throw signal.reason;
    answer = await request(url, { dispatcher, method: method as Dispatcher.HttpMethod, headers: Object.fromEntries(headers), body, signal });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw new TypeError('fetch failed', { cause: error });
  }
  const status = answer.statusCode;
  // A Response cannot carry a status outside 200–599, which fetch reports as it came: fetch asks again.
  if ((status >= 300 && status < 400 && answer.headers.location !== undefined) || status < 200 || status > 599) {
    answer.body.dump().catch(() => {});
    return viaFetch(url, init, dispatcher);
  }
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (Array.isArray(value)) for (const v of value) responseHeaders.append(name, v);
    else if (value !== undefined) responseHeaders.append(name, value);
  }
  // fetch passes any reason phrase through; the Response constructor refuses some (e.g. raw UTF-8).
  const statusText = /^[\t\x20-\x7e]*$/.test(answer.statusText) ? answer.statusText : '';
  if (NULL_BODY.has(status) || method === 'HEAD') {
    answer.body.dump().catch(() => {});
    return new Response(null, { status, statusText, headers: responseHeaders });
  }
  const node = decoded(answer.body, responseHeaders.get('content-encoding'));
  // A body nobody reads can still end in an error (cancelled, aborted, cut): readers get it through
  // their own listeners; without one here it would be an uncaught exception and end the host.
  node.on('error', () => {});
  const entry: NodeBody = { node, web: webBody(node, signal, () => entry), taken: false };
  const response = new Response(entry.web, { status, statusText, headers: responseHeaders });
  nodeBodies.set(response, entry);
  return response;
}

/** fetch decodes gzip, deflate and br, the last coding applied first; unknown codings pass through. */
function decoded(body: Readable, encoding: string | null): Readable {
  const codings = (encoding ?? '').toLowerCase().split(',').map((c) => c.trim()).filter((c) => c && c !== 'identity');
  const decoders = codings.reverse().map((c) => (c === 'gzip' || c === 'x-gzip' ? createGunzip() : c === 'deflate' ? createInflate() : c === 'br' ? createBrotliDecompress() : null));
  if (decoders.length === 0 || decoders.includes(null)) return body;
  const chain = decoders as Transform[];
  pipeline([body, ...chain], () => {});
  return chain.at(-1)!;
}

/**
 * The body as a web stream that reads the Node stream only when pulled, so a caller that takes the
 * Node stream pays nothing for it. Errors take fetch's shapes.
 */
function webBody(node: Readable, signal: AbortSignal | undefined, self: () => NodeBody): ReadableStream<Uint8Array> {
  let iterator: AsyncIterator<Buffer> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!iterator) {
          if (self().taken) return controller.close();
          self().taken = true;
          iterator = node[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
        }
        try {
          const next = await iterator.next();
          if (next.done) controller.close();
          else controller.enqueue(new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.byteLength));
        } catch (error) {
          controller.error(asFetchBodyError(error, signal));
        }
      },
      cancel() {
        node.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}

/** What reading a taken Node body threw, in the shape fetch's body reader would have. */
export function asFetchBodyError(error: unknown, signal: AbortSignal | undefined): unknown {
  return signal?.aborted ? signal.reason : new TypeError('terminated', { cause: error });
}
