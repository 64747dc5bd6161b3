import type { Root } from 'hast';
import { markdownToHast, type Highlighter } from './pipeline';
import type { RenderJob, RenderReply, RenderRequest } from './render-protocol';

/**
 * Where Markdown is parsed and code highlighted. Normally a module Web Worker (bundled by Vite as
 * a same-origin script, so `worker-src 'self'` covers it on the browser host and on app://), and
 * the main thread only turns the hast it sends back into DOM. Where no worker can run (jsdom, a
 * host that refuses module workers, a worker that fails) the same pipeline runs on the main
 * thread, synchronously; highlight.js is then loaded lazily and code stays plain until it is.
 */
export interface RenderBackend {
  /** Results in job order: synchronously from the main-thread backend, as a promise from the worker. */
  run(jobs: RenderJob[]): (Root | null)[] | Promise<(Root | null)[]>;
}

let highlighter: Highlighter | undefined;
let loading: Promise<void> | null = null;

/** Starts loading highlight.js on the main thread (once); resolves when it is there. */
export function loadMainThreadHighlighter(): Promise<void> {
  loading ??= import('./lowlight-langs').then((m) => {
    highlighter = m.highlightTree;
  });
  return loading;
}

/** Whether the main thread can highlight right now (only then may it render code that must look finished). */
export const mainThreadHighlights = () => highlighter !== undefined;

function runHere(job: RenderJob): Root | null {
  try {
    if (job.kind === 'markdown') return markdownToHast(job.text, job.mode, highlighter);
    return highlighter ? highlighter(job.code, job.language) : null;
  } catch {
    return null;
  }
}

export const mainThreadBackend: RenderBackend = {
  run(jobs) {
    if (jobs.length) void loadMainThreadHighlighter();
    return jobs.map(runHere);
  },
};

function workerBackend(): RenderBackend | null {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./markdown.worker.ts', import.meta.url), { type: 'module', name: 'ferry-markdown' });
  } catch {
    return null;
  }
  let nextId = 1;
  let failed = false;
  const pending = new Map<number, { jobs: RenderJob[]; resolve(trees: (Root | null)[]): void }>();
  worker.onmessage = (event: MessageEvent<RenderReply>) => {
    const entry = pending.get(event.data.id);
    pending.delete(event.data.id);
    entry?.resolve(event.data.trees);
  };
  // A worker that can't load or breaks: what it had and everything after runs on the main thread.
  const fail = () => {
    if (failed) return;
    failed = true;
    worker.terminate();
    for (const { jobs, resolve } of pending.values()) resolve(mainThreadBackend.run(jobs) as (Root | null)[]);
    pending.clear();
  };
  worker.onerror = fail;
  worker.onmessageerror = fail;
  return {
    run(jobs) {
      if (failed) return mainThreadBackend.run(jobs);
      return new Promise((resolve) => {
        const request: RenderRequest = { id: nextId++, jobs };
        pending.set(request.id, { jobs, resolve });
        worker.postMessage(request);
      });
    },
  };
}

let backend: RenderBackend | null = null;

/** The backend every Markdown view shares (one worker for the whole window). */
export function renderBackend(): RenderBackend {
  backend ??= workerBackend() ?? mainThreadBackend;
  return backend;
}

/** Tests: run on a backend of their choosing (e.g. an asynchronous stand-in for the worker). */
export function setRenderBackend(next: RenderBackend | null): void {
  backend = next;
}
