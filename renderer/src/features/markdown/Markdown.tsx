import { memo } from 'react';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { markdownComponents } from './components';
import { httpOnlyUrlTransform } from './safe-url';

const remarkPlugins = [remarkGfm];

/**
 * Model output as Markdown. Raw HTML is never rendered: without rehype-raw, react-markdown turns
 * it into plain text. Memoized on the text, so a finished message parses once.
 */
export const Markdown = memo(function Markdown({ content }: { content: string }) {
  return (
    <ReactMarkdown remarkPlugins={remarkPlugins} components={markdownComponents} urlTransform={httpOnlyUrlTransform}>
      {content}
    </ReactMarkdown>
  );
});
