import type { Root } from 'hast';
import { highlightTree } from './lowlight-langs';
import { markdownToHast } from './pipeline';
import type { RenderBackend } from './render-backend';
import type { RenderJob } from './render-protocol';

/** What the worker does, run here (for tests). */
export function renderHere(jobs: readonly RenderJob[]): (Root | null)[] {
  return jobs.map((job) => (job.kind === 'markdown' ? markdownToHast(job.text, job.mode, highlightTree) : highlightTree(job.code, job.language)));
}

/**
 * A stand-in for the worker that answers only when told to: requests queue up and `answer()`
 * replies to the oldest with what the worker would have sent, so tests see the asynchronous path.
 */
export function deferredBackend() {
  const queue: { jobs: RenderJob[]; resolve(trees: (Root | null)[]): void }[] = [];
  const backend: RenderBackend = {
    run: (jobs) => new Promise((resolve) => queue.push({ jobs, resolve })),
  };
  return {
    backend,
    queue,
    /** Replies to the oldest request; resolves once the reply has been handled. */
    async answer() {
      const next = queue.shift();
      if (!next) throw new Error('no request waiting');
      next.resolve(renderHere(next.jobs));
      await Promise.resolve();
      await Promise.resolve();
    },
    async answerAll() {
      while (queue.length) await this.answer();
    },
  };
}

/** Like the worker, but on a microtask: for component tests that only wait for the result. */
export const asyncBackend: RenderBackend = {
  run: (jobs) => Promise.resolve().then(() => renderHere(jobs)),
};
