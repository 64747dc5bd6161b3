import { memo, useMemo } from 'react';
import 'katex/dist/katex.min.css';
import { markdownComponents } from './components';
import { HastView } from './HastView';
import { markdownToHast } from './pipeline';

/**
 * Model output as Markdown, for a finished message loaded from history: parsed once on the main
 * thread (pipeline.ts: GFM, math, no raw HTML), code highlighted in the worker after the first
 * paint. Streamed answers render through StreamingMarkdown instead.
 */
export const Markdown = memo(function Markdown({ content }: { content: string }) {
  const tree = useMemo(() => markdownToHast(content, 'history'), [content]);
  return <HastView tree={tree} components={markdownComponents} />;
});
