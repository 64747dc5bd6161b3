import { memo } from 'react';
import ReactMarkdown, { type Options } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import 'katex/dist/katex.min.css';
import { liveMarkdownComponents, markdownComponents } from './components';
import { normalizeMathDelimiters } from './normalize-math';
import { rehypeMath } from './rehype-math';
import { httpOnlyUrlTransform } from './safe-url';

const finalRemark: Options['remarkPlugins'] = [remarkGfm, remarkMath];
const finalRehype: Options['rehypePlugins'] = [rehypeMath];
const liveRemark: Options['remarkPlugins'] = [remarkGfm];

/**
 * Model output as Markdown. Raw HTML is never rendered: without rehype-raw, react-markdown turns
 * it into plain text. Memoized on the text, so a finished message parses once.
 *
 * `live` marks the block still streaming: it shows math as its source and code unhighlighted,
 * so KaTeX and the highlighter run once per completed block rather than on every chunk.
 */
export const Markdown = memo(function Markdown({ content, live = false }: { content: string; live?: boolean }) {
  if (live) {
    return (
      <ReactMarkdown remarkPlugins={liveRemark} components={liveMarkdownComponents} urlTransform={httpOnlyUrlTransform}>
        {content}
      </ReactMarkdown>
    );
  }
  return (
    <ReactMarkdown
      remarkPlugins={finalRemark}
      rehypePlugins={finalRehype}
      components={markdownComponents}
      urlTransform={httpOnlyUrlTransform}
    >
      {normalizeMathDelimiters(content)}
    </ReactMarkdown>
  );
});
