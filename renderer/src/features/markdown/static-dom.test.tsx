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
import { buildStaticNodes, isPlainTree } from './static-dom';

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

describe('finished blocks built as DOM', () => {
  it("are exactly what React renders, for every plain block of the bench's long answer and of the 10 MB answer's kind", () => {
    const blocks = [...finishedBlocks(longAnswer().text), ...finishedBlocks(paragraphs(60_000).text), '3. three\n4. four', '# Title\n\nA line  \nbreak, H~2~O and ***both***.'];
    let plain = 0;
    for (const text of blocks) {
      const hast = tree(text);
      const html = built(hast);
      if (html === null) continue;
      plain++;
      expect(html, text.slice(0, 80)).toBe(throughReact(hast));
      cleanup();
    }
    // Most blocks are plain; the rest (code, tables, math, links) keep React.
    expect(plain).toBeGreaterThan(blocks.length / 2);
    const classed: Root = {
      type: 'root',
      children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'element', tagName: 'span', properties: { className: ['a', 'b'] }, children: [{ type: 'text', value: 'c' }] }] }],
    };
    expect(built(classed)).toBe(throughReact(classed));
  });

  it('leave links, images, code blocks, tables, math and task lists to React, with its components', () => {
    for (const markdown of [
      'See [the docs](https://example.com/docs).',
      'A ![diagram](https://example.com/d.png) here.',
      '```ts\nconst a = 1;\n```',
      '| a | b |\n|---|---|\n| 1 | 2 |',
      'The energy $E = mc^2$ inline.',
      '$$\n\\int_0^1 x\\,dx\n$$',
      '- [x] done\n- [ ] not yet',
      'Visit https://example.com now.',
    ]) {
      expect(isPlainTree(tree(markdown)), markdown).toBe(false);
      expect(buildStaticNodes(tree(markdown)), markdown).toBeNull();
    }
    expect(isPlainTree(tree('**Bold**, _em_, `code`, ~~gone~~ and\n\n> a quote\n\n1. one\n2. two'))).toBe(true);
  });

  it('build nothing from a tree with an attribute outside the allowlist, and keep markup in text as text', () => {
    const hostile: Root = {
      type: 'root',
      children: [{ type: 'element', tagName: 'p', properties: { onClick: 'alert(1)' }, children: [{ type: 'text', value: 'x' }] }],
    };
    expect(buildStaticNodes(hostile)).toBeNull();
    const styled: Root = { type: 'root', children: [{ type: 'element', tagName: 'span', properties: { style: 'color:red' }, children: [] }] };
    expect(buildStaticNodes(styled)).toBeNull();
    const script: Root = { type: 'root', children: [{ type: 'element', tagName: 'script', properties: {}, children: [{ type: 'text', value: 'alert(1)' }] }] };
    expect(buildStaticNodes(script)).toBeNull();

    const html = built(tree('Raw <img src=x onerror=alert(1)> and <script>alert(1)</script> stay text.'));
    expect(html).not.toBeNull();
    const box = document.createElement('div');
    box.innerHTML = html!;
    expect(box.querySelector('img, script')).toBeNull();
    expect(box.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
