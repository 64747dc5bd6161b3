/**
 * What static-dom.ts may build: the allowlist is its sanitizing. Tags are by namespace, because
 * KaTeX's output holds MathML (the part screen readers read) and SVG (stretchy arrows, roots,
 * braces) besides HTML spans.
 */
export type Space = 'html' | 'math' | 'svg';

export const NAMESPACES: Record<Exclude<Space, 'html'>, string> = {
  math: 'http://www.w3.org/1998/Math/MathML',
  svg: 'http://www.w3.org/2000/svg',
};

/** Text, formatting and tables: what Markdown without links, images, code blocks or checkboxes gives. */
export const HTML_TAGS = new Set([
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'strong', 'em', 'del', 'code', 'br', 'hr', 'sup', 'sub', 'span'],
  ...['table', 'thead', 'tbody', 'tr', 'th', 'td'],
]);

/** Every element KaTeX writes in its MathML, and none that load anything (no `mglyph`, no `maction`). */
export const MATH_TAGS = new Set([
  ...['math', 'semantics', 'annotation', 'mrow', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'mpadded', 'mphantom', 'mstyle'],
  ...['msup', 'msub', 'msubsup', 'mover', 'munder', 'munderover', 'mfrac', 'msqrt', 'mroot', 'menclose', 'mtable', 'mtr', 'mtd', 'mlabeledtr'],
]);

/** The shapes of KaTeX's SVG: paths and lines, nothing that references or loads. */
export const SVG_TAGS = new Set(['svg', 'path', 'line']);

/** Presentation attributes of KaTeX's MathML (hast property names, the HTML schema's: MathML has none of its own). */
export const MATH_PROPS = new Set([
  ...['display', 'displaystyle', 'scriptlevel', 'mathvariant', 'mathcolor', 'mathbackground', 'mathsize', 'encoding'],
  ...['stretchy', 'fence', 'separator', 'accent', 'accentunder', 'largeop', 'movablelimits', 'symmetric', 'minsize', 'maxsize'],
  ...['lspace', 'rspace', 'width', 'height', 'depth', 'voffset', 'linethickness', 'notation'],
  ...['rowspacing', 'columnspacing', 'columnalign', 'rowalign', 'columnlines', 'rowlines', 'frame', 'framespacing', 'equalrows', 'equalcolumns'],
]);

/** KaTeX's SVG attributes, as hast names them (SVG schema). */
export const SVG_PROPS = new Set(['width', 'height', 'viewBox', 'preserveAspectRatio', 'd', 'x1', 'y1', 'x2', 'y2', 'strokeWidth']);

export const TABLE_CELLS = new Set(['th', 'td']);
export const CELL_ALIGN = new Set(['left', 'center', 'right']);

/** Classes that start a KaTeX subtree: only inside one may elements carry inline styles. */
export const KATEX_ROOTS = new Set(['katex', 'katex-display', 'katex-error']);

/** A declaration that could load something or run script in an old engine never goes in, even through the CSSOM. */
export const UNSAFE_STYLE = /url\s*\(|image-set|expression|@import|\\/i;
