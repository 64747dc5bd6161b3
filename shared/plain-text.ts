import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/** Block-level nodes: their texts are separated by a space, so words of two paragraphs or cells don't run together. */
const BLOCKS = new Set(['paragraph', 'heading', 'code', 'blockquote', 'listItem', 'tableCell', 'tableRow', 'thematicBreak', 'html']);

/**
 * What a Markdown message reads as, for search snippets: the text of its paragraphs, cells, list
 * items and code, without `**`, `|---|`, `#`, link targets or fences. Parsed with the same
 * micromark/GFM the renderer uses, so what counts as syntax is the same in both.
 */
export function markdownToPlain(markdown: string): string {
  if (!/[*_`#|[\]<>~\\!-]/.test(markdown)) return markdown;
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const out: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') out.push(node.value);
    else if (node.type === 'image') out.push(node.alt ?? '');
    else if (node.type === 'break') out.push(' ');
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
    if (BLOCKS.has(node.type)) out.push(' ');
  };
  walk(tree);
  return out.join('').replace(/\s+/gu, ' ').trim();
}
