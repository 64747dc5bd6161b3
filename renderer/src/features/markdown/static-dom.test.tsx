// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import type { Root } from 'hast';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { paragraphs } from '../../../../test/bench/pathological';
import { longAnswer } from '../../../../test/bench/stream-answer';
import { initI18n } from '../../i18n';
import { markdownComponents } from './components';
import { HastView } from './HastView';
import { highlightTree } from './lowlight-langs';
import { markdownToHast } from './pipeline';
import { emptySplit, splitBlocks } from './split-blocks';
import { CodeBlock } from './CodeBlock';
import { buildStaticCode, buildStaticNodes } from './static-dom';

beforeAll(() => {
  initI18n('en');
});
afterEach(cleanup);

const finishedBlocks = (text: string) => splitBlocks(emptySplit(), text).blocks.map((b) => b.text);
const tree = (markdown: string) => markdownToHast(markdown, 'final', highlightTree);

/** What React shows for the tree, as HTML. */
function throughReact(hast: Root): string {
  const { container } = render(<HastView tree={hast} components={markdownComponents} />);
  return container.innerHTML;
}

function built(hast: Root): string | null {
  const nodes = buildStaticNodes(hast);
  if (!nodes) return null;
  const box = document.createElement('div');
  box.append(...nodes);
  return box.innerHTML;
}

/** KaTeX's constructs with SVG (roots, stretchy arrows, braces, cancel lines), colours, arrays, errors and text. */
const MATH_CORPUS = [
  '$$\n\\sqrt{x^2+1} + \\sqrt[3]{y} \\overbrace{a+b}^{c} \\underbrace{d}_{e}\n$$',
  '$$\n\\xrightarrow{abc} \\xleftarrow[below]{} \\widehat{xyz} \\overrightarrow{AB} \\cancel{x} \\bcancel{y} \\sout{z}\n$$',
  '$$\n\\color{red}{y} \\textcolor{#0a0}{z} \\colorbox{yellow}{w} \\boxed{z} \\fbox{f} \\mathbb{R} \\text{hi 你好}\n$$',
  '$$\n\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix} \\begin{cases}a & x>0\\\\b\\end{cases} \\begin{aligned}x&=1\\\\y&=2\\end{aligned}\n$$',
  '$$\n\\left(\\frac{a}{b}\\right)^{\\!2} \\binom{n}{k} \\sum_{i=0}^{n} \\int_0^\\infty \\lim_{x\\to0} \\tag{1}\n$$',
  'Inline $\\frac{1}{2}$, $\\hat{a}\\vec{v}\\bar{x}$, broken $\\frac{1}{$ and $\\href{https://x.test}{x}$ in a line.',
  '| left | centre | right |\n|:--|:-:|--:|\n| **a** | $x^2$ | `c` |\n| ~~d~~ | e | f |',
];

describe('finished blocks built as DOM', () => {
  it("are exactly what React renders, for every block of the bench's long answer without links or code, of the 10 MB answer's kind, and KaTeX's constructs", () => {
    const blocks = [
      ...finishedBlocks(longAnswer().text),
      ...finishedBlocks(paragraphs(60_000).text),
      ...MATH_CORPUS,
      '3. three\n4. four',
      '# Title\n\nA line  \nbreak, H~2~O and ***both***.',
    ];
    let built_ = 0;
    let math = 0;
    let tables = 0;
    for (const text of blocks) {
      const hast = tree(text);
      const html = built(hast);
      if (html === null) continue;
      built_++;
      if (html.includes('class="katex')) math++;
      if (html.includes('<table')) tables++;
      expect(html, text.slice(0, 80)).toBe(throughReact(hast));
      cleanup();
    }
    // All but code blocks, links and task lists: of the long answer's 237 blocks, 76 with math and its 20 tables.
    expect(built_).toBeGreaterThan(blocks.length * 0.75);
    expect(math).toBeGreaterThanOrEqual(76 + MATH_CORPUS.length);
    expect(tables).toBeGreaterThanOrEqual(21);
    for (const text of MATH_CORPUS) expect(built(tree(text)), text).not.toBeNull();
    const classed: Root = {
      type: 'root',
      children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'element', tagName: 'span', properties: { className: ['a', 'b'] }, children: [{ type: 'text', value: 'c' }] }] }],
    };
    expect(built(classed)).toBe(throughReact(classed));
  });

  it("put KaTeX's MathML and SVG in their namespaces, with its styles through the CSSOM", () => {
    const box = document.createElement('div');
    box.append(...buildStaticNodes(tree(MATH_CORPUS[0]!))!);
    expect(box.querySelector('math')!.namespaceURI).toBe('http://www.w3.org/1998/Math/MathML');
    expect(box.querySelector('mrow')!.namespaceURI).toBe('http://www.w3.org/1998/Math/MathML');
    expect(box.querySelector('svg')!.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(box.querySelector('path')!.getAttribute('d')).toBeTruthy();
    const strut = box.querySelector<HTMLElement>('.katex-html .katex-strut')!;
    expect(strut.style.height).toMatch(/em$/);
    const table = buildStaticNodes(tree(MATH_CORPUS.at(-1)!))![0] as HTMLElement;
    expect(table.className).toBe('md-table-wrap');
    expect([...table.querySelectorAll('th')].map((th) => th.style.textAlign)).toEqual(['left', 'center', 'right']);
  });

  it("give CodeBlock a highlighted fenced block's tokens as DOM that shows exactly what React shows, Copy button and all", () => {
    const fences = finishedBlocks(longAnswer().text).filter((t) => t.startsWith('```'));
    expect(fences).toHaveLength(40);
    for (const text of [...fences, '~~~python\nprint("<b>x</b>")\n~~~']) {
      const hast = tree(text);
      const code = buildStaticCode(hast);
      expect(code, text.slice(0, 40)).not.toBeNull();
      const react = throughReact(hast);
      cleanup();
      const { container } = render(<CodeBlock language={code!.language} code={code!.code} nodes={code!.nodes} />);
      expect(container.innerHTML, text.slice(0, 40)).toBe(react);
      expect(container.querySelector('code.hljs span[class^="hljs-"]'), text.slice(0, 40)).not.toBeNull();
      cleanup();
    }
    // Not one fenced block alone, not highlighted, or not a fence: React's path.
    for (const text of ['```\nno language\n```', '```nosuchlang\nx\n```', '- item\n\n  ```ts\n  let a = 1;\n  ```', 'A paragraph.']) {
      expect(buildStaticCode(tree(text)), text).toBeNull();
    }
  });

  it('leave links, images, code blocks and task lists to React, with its components', () => {
    for (const markdown of [
      'See [the docs](https://example.com/docs).',
      'A ![diagram](https://example.com/d.png) here.',
      '```ts\nconst a = 1;\n```',
      '| a | [b](https://example.com) |\n|---|---|\n| 1 | 2 |',
      '- [x] done\n- [ ] not yet',
      'Visit https://example.com now.',
    ]) {
      expect(buildStaticNodes(tree(markdown)), markdown).toBeNull();
    }
    expect(buildStaticNodes(tree('**Bold**, _em_, `code`, ~~gone~~ and\n\n> a quote\n\n1. one\n2. two'))).not.toBeNull();
  });

  it('build nothing from a tree with a tag, attribute or style outside the allowlist, and keep markup in text as text', () => {
    const el = (tagName: string, properties: Record<string, unknown>, children: Root['children'] = []): Root =>
      ({ type: 'root', children: [{ type: 'element', tagName, properties, children }] }) as Root;
    const katex = (inner: Root) => el('span', { className: ['katex'] }, inner.children);
    for (const hostile of [
      el('p', { onClick: 'alert(1)' }, [{ type: 'text', value: 'x' }]),
      el('span', { style: 'color:red' }),
      el('script', {}, [{ type: 'text', value: 'alert(1)' }]),
      el('math', {}),
      katex(el('span', { style: 'background:url(https://x.test/t.png)' })),
      katex(el('span', { style: 'color:red; background-image: image-set("x.png" 1x)' })),
      katex(el('span', { onmouseover: 'alert(1)' })),
      katex(el('svg', { xmlns: 'http://www.w3.org/2000/svg' }, el('image', { href: 'https://x.test/i.png' }).children)),
      katex(el('svg', { xmlns: 'http://www.w3.org/2000/svg' }, el('path', { d: 'M0 0', onload: 'alert(1)' }).children)),
      katex(el('svg', { xmlns: 'http://www.w3.org/2000/svg' }, el('foreignObject', {}, el('p', {}).children).children)),
      katex(el('math', { xmlns: 'http://www.w3.org/1998/Math/MathML' }, el('mglyph', { src: 'https://x.test/g.png' }).children)),
      katex(el('math', { xmlns: 'http://www.w3.org/1998/Math/MathML' }, el('mi', { href: 'https://x.test/' }).children)),
      katex(el('math', { xmlns: 'http://www.w3.org/1999/xhtml' })),
      el('td', { align: 'javascript:alert(1)' }),
    ]) {
      expect(buildStaticNodes(hostile), JSON.stringify(hostile)).toBeNull();
    }

    const html = built(tree('Raw <img src=x onerror=alert(1)> and <script>alert(1)</script> stay text.'));
    expect(html).not.toBeNull();
    const box = document.createElement('div');
    box.innerHTML = html!;
    expect(box.querySelector('img, script')).toBeNull();
    expect(box.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
