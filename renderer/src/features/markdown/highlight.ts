import type { Root } from 'hast';
import { MAX_HIGHLIGHT_CHARS } from './limits';
import { loadMainThreadHighlighter, mainThreadBackend, renderBackend } from './render-backend';

/**
 * Syntax highlighting of code blocks in history (messages loaded as finished, rendered in one
 * pass): once per block, in the Markdown worker (render-backend.ts), replying with hast. Results
 * are cached by language + text, so a block that is mounted again (scrolling, reopening a chat)
 * renders highlighted at once. Streamed blocks arrive highlighted from the worker instead.
 */
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

/** Highlights a finished block (once; concurrent and later calls share the result). */
export function requestHighlight(code: string, language: string): Promise<Root | null> {
  const cached = peekHighlight(code, language);
  if (cached !== undefined) return Promise.resolve(cached);
  const key = keyOf(code, language);
  const running = inFlight.get(key);
  if (running) return running;
  const backend = renderBackend();
  const jobs = [{ kind: 'code', code, language } as const];
  // On the main thread, wait for highlight.js to load rather than answer "plain".
  const run = backend === mainThreadBackend ? loadMainThreadHighlighter().then(() => backend.run(jobs)) : Promise.resolve(backend.run(jobs));
  const promise = run.then(
    ([tree]) => {
      inFlight.delete(key);
      // The main-thread stand-in answers null until highlight.js has loaded: don't remember that.
      if (tree) remember(key, tree);
      return tree ?? null;
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
