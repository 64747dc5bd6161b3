import type { ElementContent, Root } from 'hast';

/**
 * A finished block of a streamed answer that is only text and formatting, built once as DOM instead
 * of React elements. Such a block never changes and has nothing to click, yet through React it was
 * held three times over besides its DOM — its hast, its React elements and a fiber per element —
 * which made the page's heap grow with the answer and gave the garbage collector of a 10 MB answer
 * tens of thousands of objects to mark on every major collection (BENCHMARKS "tenth round").
 *
 * Only what React would render identically is built here: the tags below, the `class` of an element
 * and an ordered list's `start`. Anything else — links, images, code blocks, tables, math (KaTeX's
 * inline styles), task-list checkboxes, any other attribute — keeps the React path with its
 * components (link confirmation, copy buttons). So this builder sets no URL, no style and no event
 * handler attribute whatever the tree holds: the allowlist is the sanitizing.
 */
const PLAIN_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'strong',
  'em',
  'del',
  'code',
  'br',
  'hr',
  'sup',
  'sub',
  'span',
]);

function plainContent(nodes: readonly ElementContent[]): boolean {
  for (const node of nodes) {
    if (node.type === 'text') continue;
    if (node.type !== 'element' || !PLAIN_TAGS.has(node.tagName)) return false;
    for (const [key, value] of Object.entries(node.properties)) {
      if (value === undefined || value === null) continue;
      if (key === 'className' && Array.isArray(value) && value.every((c) => typeof c === 'string')) continue;
      if (key === 'start' && node.tagName === 'ol' && typeof value === 'number') continue;
      return false;
    }
    if (!plainContent(node.children)) return false;
  }
  return true;
}

/** Whether `tree` is text and formatting only (what `buildStaticNodes` builds). */
export function isPlainTree(tree: Root): boolean {
  return plainContent(tree.children as ElementContent[]);
}

function build(doc: Document, nodes: readonly ElementContent[]): Node[] {
  const out: Node[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      out.push(doc.createTextNode(node.value));
      continue;
    }
    if (node.type !== 'element') continue;
    const el = doc.createElement(node.tagName);
    const { className, start } = node.properties;
    if (Array.isArray(className) && className.length) el.className = className.join(' ');
    if (typeof start === 'number') el.setAttribute('start', String(start));
    el.append(...build(doc, node.children));
    out.push(el);
  }
  return out;
}

/**
 * The block's nodes, or null when it is not plain (or there is no document: the tests' Node side).
 * Text goes in as text nodes, so nothing in it is ever parsed as HTML.
 */
export function buildStaticNodes(tree: Root): Node[] | null {
  if (typeof document === 'undefined' || !isPlainTree(tree)) return null;
  return build(document, tree.children as ElementContent[]);
}
