import type { Root } from 'hast';

/**
 * Syntax highlighting for finished code blocks, once per block, off the main thread: a module
 * Web Worker (bundled by Vite, same origin, so `worker-src 'self'` covers it) runs highlight.js and
 * replies with hast. Where a worker can't run (jsdom, or it fails to start), the same code is loaded
 * lazily on the main thread instead. Results are cached by language + text, so a block that is
 * mounted again (scrolling, reopening a chat) renders highlighted at once.
 */
export interface HighlightRequest {
  id: number;
  code: string;
  language: string;
}

export interface HighlightReply {
  id: number;
  tree: Root | null;
}

/** Past this a block stays plain: not worth the time or the DOM. */
export const MAX_HIGHLIGHT_CHARS = 100_000;
const CACHE_LIMIT = 500;

const cache = new Map<string, Root | null>();
const inFlight = new Map<string, Promise<Root | null>>();

const keyOf = (code: string, language: string) => `${language.toLowerCase()}\u0000${code}`;

function remember(key: string, tree: Root | null): void {
  cache.set(key, tree);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
}

/** A cached result: the tree, null (stays plain), or undefined (not highlighted yet). */
export function peekHighlight(code: string, language: string): Root | null | undefined {
  if (!language || code.length > MAX_HIGHLIGHT_CHARS) return null;
  return cache.get(keyOf(code, language));
}

type Backend = (code: string, language: string) => Promise<Root | null>;

let backend: Backend | null = null;

function mainThreadBackend(): Backend {
  const engine = import('./lowlight-langs');
  return async (code, language) => (await engine).highlightTree(code, language);
}

function workerBackend(): Backend | null {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./highlight.worker.ts', import.meta.url), { type: 'module', name: 'ferry-highlight' });
  } catch {
    return null;
  }
  let nextId = 1;
  const pending = new Map<number, { request: HighlightRequest; resolve(tree: Root | null): void }>();
  let fallback: Backend | null = null;

  worker.onmessage = (event: MessageEvent<HighlightReply>) => {
    const entry = pending.get(event.data.id);
    pending.delete(event.data.id);
    entry?.resolve(event.data.tree);
  };
  // A worker that can't load (e.g. a host that refuses module workers): finish on the main thread.
  const fail = () => {
    worker.terminate();
    fallback ??= mainThreadBackend();
    backend = fallback;
    for (const { request, resolve } of pending.values()) void fallback(request.code, request.language).then(resolve);
    pending.clear();
  };
  worker.onerror = fail;
  worker.onmessageerror = fail;

  return (code, language) => {
    if (fallback) return fallback(code, language);
    return new Promise((resolve) => {
      const request = { id: nextId++, code, language };
      pending.set(request.id, { request, resolve });
      worker.postMessage(request);
    });
  };
}

/** Highlights a finished block (once; concurrent and later calls share the result). */
export function requestHighlight(code: string, language: string): Promise<Root | null> {
  const cached = peekHighlight(code, language);
  if (cached !== undefined) return Promise.resolve(cached);
  const key = keyOf(code, language);
  const running = inFlight.get(key);
  if (running) return running;
  backend ??= workerBackend() ?? mainThreadBackend();
  const promise = backend(code, language).then(
    (tree) => {
      inFlight.delete(key);
      remember(key, tree);
      return tree;
    },
    () => {
      inFlight.delete(key);
      remember(key, null);
      return null;
    },
  );
  inFlight.set(key, promise);
  return promise;
}
