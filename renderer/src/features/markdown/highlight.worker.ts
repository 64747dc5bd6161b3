/// <reference lib="webworker" />
import type { HighlightReply, HighlightRequest } from './highlight';
import { highlightTree } from './lowlight-langs';

/** Highlights code blocks off the main thread; replies with hast (plain data) for React to render. */
self.onmessage = (event: MessageEvent<HighlightRequest>) => {
  const { id, code, language } = event.data;
  const reply: HighlightReply = { id, tree: highlightTree(code, language) };
  self.postMessage(reply);
};
