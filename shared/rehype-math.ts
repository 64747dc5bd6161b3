import type { ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import katex, { type KatexOptions } from 'katex';
import { SKIP, visitParents } from 'unist-util-visit-parents';

/**
 * KaTeX never trusts its input: `\href`, `\url`, `\includegraphics`, `\htmlClass`/`\htmlId`/
 * `\htmlStyle`/`\htmlData` are refused (rendered as error text).
 */
export const KATEX_OPTIONS: KatexOptions = {
  trust: false,
  strict: 'ignore',
  throwOnError: false,
  maxSize: 50,
  maxExpand: 1000,
  output: 'htmlAndMathml',
};

/**
 * Typesets remark-math's `math-inline` / `math-display` code (and ```math fences) with KaTeX.
 *
 * Like rehype-katex, but KaTeX's HTML is parsed with parse5 rather than the browser's DOMParser:
 * parsing markup with `style="…"` into a DOM, even an inert one, is a `style-src-attr` CSP
 * violation. The hast goes to React, which sets KaTeX's styles as style objects (CSSOM), which
 * our CSP allows.
 */
export function rehypeMath() {
  return (tree: Root) => {
    visitParents(tree, 'element', (element, parents) => {
      const raw = element.properties.className;
      const classes = Array.isArray(raw) ? raw : [];
      const fenced = classes.includes('language-math');
      const display = classes.includes('math-display');
      if (!fenced && !display && !classes.includes('math-inline')) return;

      let parent = parents[parents.length - 1];
      let scope: typeof element = element;
      let displayMode = display;
      if (element.tagName === 'code' && fenced && parent?.type === 'element' && parent.tagName === 'pre') {
        scope = parent;
        parent = parents[parents.length - 2];
        displayMode = true;
      }
      if (!parent) return;

      const source = toText(scope, { whitespace: 'pre' });
      let result: ElementContent[];
      try {
        const html = katex.renderToString(source, { ...KATEX_OPTIONS, displayMode });
        result = fromHtml(html, { fragment: true }).children as ElementContent[];
      } catch (error) {
        result = [
          {
            type: 'element',
            tagName: 'span',
            properties: { className: ['katex-error'], title: String(error) },
            children: [{ type: 'text', value: source }],
          },
        ];
      }
      parent.children.splice(parent.children.indexOf(scope), 1, ...result);
      return SKIP;
    });
  };
}
