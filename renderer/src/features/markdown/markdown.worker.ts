/// <reference lib="webworker" />
import { highlightTree } from './lowlight-langs';
import { markdownToHast } from './pipeline';
import type { RenderJob, RenderReply, RenderRequest } from './render-protocol';
import type { Root } from 'hast';

/**
 * Parses Markdown to hast and highlights code off the main thread; replies with hast (plain data,
 * copied by structured clone) for the main thread to turn into React elements. Never HTML strings.
 */
function run(job: RenderJob): Root | null {
  try {
    return job.kind === 'markdown' ? markdownToHast(job.text, job.mode, highlightTree) : highlightTree(job.code, job.language);
  } catch {
    return null;
  }
}

self.onmessage = (event: MessageEvent<RenderRequest>) => {
  const { id, jobs } = event.data;
  const reply: RenderReply = { id, trees: jobs.map(run) };
  self.postMessage(reply);
};
