import type { Element, Root, RootContent } from 'hast';

/** Plain text of a hast subtree (what a code block's Copy button should copy). */
export function hastText(node: Root | RootContent | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => hastText(child)).join('');
  return '';
}

/** The `<code>` of a fenced block's `<pre>`. */
export function codeElementOf(pre: Element | undefined): Element | undefined {
  return pre?.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
}

function classesOf(element: Element | undefined): string[] {
  const classes = element?.properties.className;
  return Array.isArray(classes) ? classes.map(String) : String(classes ?? '').split(' ');
}

/** The `language-xyz` class remark puts on a fenced block's <code>, without the prefix. */
export function codeLanguageOf(code: Element | undefined): string {
  const lang = classesOf(code).find((c) => c.startsWith('language-'));
  return lang ? lang.slice('language-'.length) : '';
}

/** True when the pipeline already replaced the code's text with highlight.js tokens. */
export const isHighlighted = (code: Element | undefined) => classesOf(code).includes('hljs');
