import type { Element, ElementContent, Root } from 'hast';
import { urlAttributes } from 'html-url-attributes';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { codeElementOf, codeLanguageOf, hastText } from './hast-text';
import { MAX_HIGHLIGHT_CHARS } from './limits';
import { normalizeMathDelimiters } from './normalize-math';
import { rehypeMath } from './rehype-math';
import { httpOnlyUrlTransform } from './safe-url';

/**
 * Markdown to hast, the same steps react-markdown takes (remark-parse → plugins → remark-rehype with
 * raw HTML kept as `raw` nodes → rehype plugins → raw nodes turned into text, URL attributes through
 * our http(s)-only transform), as a pure function: it runs in the Markdown worker for streamed
 * answers and on the main thread for history and where no worker can run. Raw HTML never becomes
 * elements: it is shown as the text the model wrote.
 *
 * - `final`: GFM, math typeset with KaTeX, fenced code highlighted (what a finished block shows).
 * - `history`: like `final` but code is left for CodeBlock to highlight later (first paint of a long
 *   conversation must not wait for the highlighter).
 * - `live`: the block still growing — GFM, code highlighted, math left as its source (KaTeX runs
 *   once the block is complete).
 */
export type RenderMode = 'final' | 'history' | 'live';

/** highlight.js through lowlight (lowlight-langs.ts), passed in so the main bundle loads it only when needed. */
export type Highlighter = (code: string, language: string) => Root | null;

const processors = {
  final: unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeMath),
  live: unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }),
};

export function markdownToHast(text: string, mode: RenderMode, highlighter?: Highlighter): Root {
  const processor = mode === 'live' ? processors.live : processors.final;
  const source = mode === 'live' ? text : normalizeMathDelimiters(text);
  const tree = processor.runSync(processor.parse(source)) as Root;
  postProcess(tree, mode === 'history' ? undefined : highlighter);
  return tree;
}

/** react-markdown's own post step, plus highlighting and dropping what nobody reads (positions). */
function postProcess(tree: Root, highlighter: Highlighter | undefined): void {
  visit(tree, (node, index, parent) => {
    delete node.position;
    if (node.type === 'raw' && parent && typeof index === 'number') {
      parent.children[index] = { type: 'text', value: node.value };
      return index;
    }
    if (node.type !== 'element') return;
    for (const key in urlAttributes) {
      if (!Object.hasOwn(urlAttributes, key) || !Object.hasOwn(node.properties, key)) continue;
      const test = urlAttributes[key];
      if (test === null || test === undefined || test.includes(node.tagName)) {
        node.properties[key] = httpOnlyUrlTransform(String(node.properties[key] || ''));
      }
    }
    if (highlighter && node.tagName === 'pre') highlightPre(node, highlighter);
  });
}

/** Replaces a fenced block's code text with highlight.js tokens; the text content stays the same. */
function highlightPre(pre: Element, highlighter: Highlighter): void {
  const code = codeElementOf(pre);
  const language = codeLanguageOf(code);
  if (!code || !language) return;
  // Highlighted without the fence's final newline, as CodeBlock shows the code.
  const text = hastText(code).replace(/\n$/, '');
  if (text.length > MAX_HIGHLIGHT_CHARS) return;
  const tree = highlighter(text, language);
  if (!tree) return;
  code.children = tree.children as ElementContent[];
  const classes = Array.isArray(code.properties.className) ? code.properties.className : [];
  code.properties.className = [...classes, 'hljs'];
}
