import type { Element, ElementContent, Root } from 'hast';
import { find, html, svg } from 'property-information';
import styleToObject from 'style-to-object';
import { codeElementOf, codeLanguageOf, hastText, isHighlighted } from './hast-text';
import { CELL_ALIGN, HTML_TAGS, KATEX_ROOTS, MATH_PROPS, MATH_TAGS, NAMESPACES, SVG_PROPS, SVG_TAGS, TABLE_CELLS, UNSAFE_STYLE, type Space } from './static-dom-allow';

/**
 * A finished block of a streamed answer that has nothing to click — text, formatting, tables and
 * KaTeX's math — built once as DOM instead of React elements. Such a block never changes, yet
 * through React it was held three times over besides its DOM — its hast, its React elements and a
 * fiber per element — which made the page's heap grow with the answer and gave the garbage
 * collector tens of thousands of objects to mark on every major collection (BENCHMARKS "tenth
 * round"; a display formula alone is a few hundred elements).
 *
 * Only what React renders identically is built (static-dom.test.tsx compares the two on every
 * block of the bench's answers): the tags and attributes of static-dom-allow.ts, a table in its
 * scrolling wrapper, a cell's alignment and KaTeX's inline styles set through the CSSOM as React
 * sets them (the CSP refuses style attributes). A code block keeps React's CodeBlock for its Copy
 * button, with only its tokens built here (`buildStaticCode`). Anything else — links, images,
 * task-list checkboxes, an unknown tag or attribute — keeps the React path with its components
 * (link confirmation). So this builder sets no URL and no event handler whatever the
 * tree holds: the allowlist is the sanitizing.
 */

const TABLE_ROWS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);
const INTER_ELEMENT_WHITESPACE = /^[ \t\n\f\r]*$/;

interface Scope {
  space: Space;
  /** Inside KaTeX's output, where inline styles are allowed. */
  katex: boolean;
}

/** An attribute, or (`style`) a declaration set through the CSSOM; in React's order, so the markup is the same too. */
type Setting = [kind: 'attr' | 'style', name: string, value: string];

/** An element's attributes and styles, or null when one of them is outside the allowlist. */
function attributesOf(node: Element, scope: Scope): Setting[] | null {
  const attrs: Setting[] = [];
  const schema = scope.space === 'svg' ? svg : html;
  for (const [key, value] of Object.entries(node.properties)) {
    if (value === undefined || value === null) continue;
    if (key === 'className') {
      if (!Array.isArray(value) || !value.every((c) => typeof c === 'string')) return null;
      if (value.length) attrs.push(['attr', 'class', value.join(' ')]);
      continue;
    }
    if (key === 'style') {
      if (!scope.katex || typeof value !== 'string' || UNSAFE_STYLE.test(value)) return null;
      if (!parseStyle(value, attrs)) return null;
      continue;
    }
    // Lists are only classes here (KaTeX writes nothing else); booleans only checkboxes, which stay React's.
    if (typeof value === 'boolean' || Array.isArray(value)) return null;
    const text = String(value);
    if (scope.space === 'html') {
      if (key === 'start' && node.tagName === 'ol' && typeof value === 'number') attrs.push(['attr', 'start', text]);
      // React (hast-util-to-jsx-runtime) turns a cell's align into a text-align style.
      else if (key === 'align' && TABLE_CELLS.has(node.tagName) && CELL_ALIGN.has(text)) attrs.push(['style', 'text-align', text]);
      else if (scope.katex && key === 'ariaHidden' && text === 'true') attrs.push(['attr', 'aria-hidden', text]);
      else if (scope.katex && key === 'title' && node.tagName === 'span') attrs.push(['attr', 'title', text]);
      else return null;
      continue;
    }
    if (key === 'xmlns') {
      if (text !== NAMESPACES[scope.space]) return null;
      attrs.push(['attr', 'xmlns', text]);
      continue;
    }
    if (!(scope.space === 'svg' ? SVG_PROPS : MATH_PROPS).has(key)) return null;
    // MathML has no schema of its own in hast: its attributes are named as HTML's.
    attrs.push(['attr', find(schema, key).attribute, text]);
  }
  return attrs;
}

/** Declarations as React applies them (its parser, lower-cased names); false if the text doesn't parse. */
function parseStyle(value: string, into: Setting[]): boolean {
  try {
    styleToObject(value, (property, v) => {
      if (property && v) into.push(['style', property.startsWith('--') ? property : property.toLowerCase(), v]);
    });
    return true;
  } catch {
    return false;
  }
}

function spaceOf(tag: string, scope: Scope): Space | null {
  if (scope.space === 'html') {
    if (tag === 'math') return 'math';
    if (tag === 'svg') return 'svg';
    return HTML_TAGS.has(tag) ? 'html' : null;
  }
  return (scope.space === 'math' ? MATH_TAGS : SVG_TAGS).has(tag) ? scope.space : null;
}

function create(doc: Document, tag: string, space: Space): globalThis.Element {
  return space === 'html' ? doc.createElement(tag) : doc.createElementNS(NAMESPACES[space], tag);
}

/** The nodes for `nodes`, or null at the first thing outside the allowlist. */
function build(doc: Document, nodes: readonly ElementContent[], scope: Scope, inTable = false): Node[] | null {
  const out: Node[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      // React keeps no whitespace between a table's rows and cells (hast-util-to-jsx-runtime drops it).
      if (!inTable || !INTER_ELEMENT_WHITESPACE.test(node.value)) out.push(doc.createTextNode(node.value));
      continue;
    }
    if (node.type !== 'element') return null;
    const space = spaceOf(node.tagName, scope);
    if (!space) return null;
    const classes = node.properties.className;
    const katex = scope.katex || (Array.isArray(classes) && classes.some((c) => KATEX_ROOTS.has(String(c))));
    if (space !== 'html' && !katex) return null;
    const inner: Scope = { space, katex };
    const own = attributesOf(node, inner);
    const children = own && build(doc, node.children, inner, space === 'html' && TABLE_ROWS.has(node.tagName));
    if (!own || !children) return null;
    const el = create(doc, node.tagName, space);
    for (const [kind, name, value] of own) {
      if (kind === 'attr') el.setAttribute(name, value);
      else (el as HTMLElement).style.setProperty(name, value);
    }
    el.append(...children);
    if (node.tagName === 'table') {
      const wrap = doc.createElement('div');
      wrap.className = 'md-table-wrap';
      wrap.append(el);
      out.push(wrap);
    } else out.push(el);
  }
  return out;
}

/**
 * The block's nodes, or null when it holds anything outside the allowlist (or there is no document:
 * the tests' Node side). Text goes in as text nodes, so nothing in it is ever parsed as HTML.
 */
export function buildStaticNodes(tree: Root): Node[] | null {
  if (typeof document === 'undefined') return null;
  return build(document, tree.children as ElementContent[], { space: 'html', katex: false });
}

/** A fenced block as DOM: its highlight.js tokens, for CodeBlock to put in its `<code>` beside its own Copy button. */
export interface StaticCode {
  language: string;
  /** The code as text (what Copy copies). */
  code: string;
  /** The `<code>` element's children: the tokens as spans, built like any other static block. */
  nodes: Node[];
}

/**
 * A block that is one highlighted fenced code block, its tokens built as DOM; null for anything else.
 * Such a block is a few hundred token spans: through React, hast and a fiber each besides their DOM.
 */
export function buildStaticCode(tree: Root): StaticCode | null {
  if (typeof document === 'undefined') return null;
  const elements = tree.children.filter((c) => c.type !== 'text' || !INTER_ELEMENT_WHITESPACE.test(c.value));
  const pre = elements.length === 1 && elements[0]!.type === 'element' && elements[0]!.tagName === 'pre' ? elements[0]! : undefined;
  const code = codeElementOf(pre);
  if (!code || !isHighlighted(code)) return null;
  const nodes = build(document, code.children, { space: 'html', katex: false });
  return nodes && { language: codeLanguageOf(code), code: hastText(code).replace(/\n$/, ''), nodes };
}
