// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { StreamRenderer, type RenderedBlock } from './stream-renderer';
import { renderHere } from './test-backends';

const html = (block: RenderedBlock) => {
  if (block.content.kind !== 'static') return null;
  const box = document.createElement('div');
  box.append(...block.content.nodes.map((n) => n.cloneNode(true)));
  return box.innerHTML;
};

describe('StreamRenderer with a document', () => {
  it('builds finished blocks of text and formatting, and code tokens, as DOM without keeping their hast, and leaves the rest to React', () => {
    const renderer = new StreamRenderer({ run: renderHere });
    const text = 'First **paragraph** here.\n\nA [link](https://example.com).\n\n```ts\nlet a = 1;\n```\n\n> Quoted *text*.\n\nStill growing';
    renderer.update(text, true);
    const { blocks, tail } = renderer.getView();
    expect(blocks.map((b) => b.content.kind)).toEqual(['static', 'markdown', 'static-code', 'static']);
    const code = blocks[2]!.content;
    expect(code.kind === 'static-code' && { language: code.language, code: code.code, tokens: code.nodes.length > 1 }).toEqual({ language: 'ts', code: 'let a = 1;', tokens: true });
    expect(html(blocks[0]!)).toBe('<p>First <strong>paragraph</strong> here.</p>');
    expect(html(blocks[3]!)).toBe('<blockquote>\n<p>Quoted <em>text</em>.</p>\n</blockquote>');
    expect(blocks[0]!.content).not.toHaveProperty('tree');
    // The growing block is rendered live, through React.
    expect(tail?.content.kind).toBe('markdown');
  });

  it('gives another answer with the same block its own copy of the nodes', () => {
    const a = new StreamRenderer({ run: renderHere });
    const b = new StreamRenderer({ run: renderHere });
    a.update('The same paragraph in two answers.\n\nend', false);
    b.update('The same paragraph in two answers.\n\nend', false);
    const [first] = a.getView().blocks;
    const [second] = b.getView().blocks;
    expect(first!.content.kind === 'static' && second!.content.kind === 'static').toBe(true);
    if (first!.content.kind !== 'static' || second!.content.kind !== 'static') return;
    expect(second!.content.nodes[0]).not.toBe(first!.content.nodes[0]);
    expect(html(second!)).toBe(html(first!));
  });
});
