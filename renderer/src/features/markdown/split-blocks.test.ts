import { describe, expect, it } from 'vitest';
import { SOFT_BLOCK_CHARS } from './limits';
import { emptySplit, splitBlocks, tailOf } from './split-blocks';

const split = (text: string) => {
  const s = splitBlocks(emptySplit(), text);
  return { blocks: s.blocks.map((b) => b.text), tail: tailOf(s) };
};

describe('splitBlocks', () => {
  it('splits paragraphs on blank lines once the next block has started', () => {
    expect(split('One.\n\nTwo.\n\nThr')).toEqual({ blocks: ['One.\n\n', 'Two.\n\n'], tail: 'Thr' });
  });

  it('never splits inside a code fence', () => {
    const text = 'Intro\n\n```py\na = 1\n\nb = 2\n```\n\nAfter';
    expect(split(text).blocks).toEqual(['Intro\n\n', '```py\na = 1\n\nb = 2\n```\n\n']);
  });

  it('never splits inside display math on lines of its own', () => {
    const text = 'A\n\n$$\na = 1\n\nb = 2\n$$\n\n\\[\nx\n\ny\n\\]\n\nAfter';
    expect(split(text).blocks).toEqual(['A\n\n', '$$\na = 1\n\nb = 2\n$$\n\n', '\\[\nx\n\ny\n\\]\n\n']);
    // Inline $$ on a line with other text opens nothing.
    expect(split('$$x$$ here\n\nNext\n\nEnd').blocks).toEqual(['$$x$$ here\n\n', 'Next\n\n']);
  });

  it('keeps indented continuations and loose list items together', () => {
    const text = '1. one\n\n   more about one\n\n2. two\n\nPara';
    expect(split(text).blocks).toEqual(['1. one\n\n   more about one\n\n2. two\n\n']);
  });

  it('gives the same result incrementally as in one go, reusing finished blocks', () => {
    const text = '# T\n\nPara one.\n\n```\ncode\n\nmore\n```\n\n- a\n- b\n\nEnd';
    let state = emptySplit();
    for (let i = 1; i <= text.length; i += 3) state = splitBlocks(state, text.slice(0, i));
    state = splitBlocks(state, text);
    expect(state.blocks.map((b) => b.text)).toEqual(split(text).blocks);
    expect(tailOf(state)).toBe('End');
  });

  it('starts over when the text is replaced rather than extended', () => {
    let state = splitBlocks(emptySplit(), 'A\n\nB\n\nC');
    state = splitBlocks(state, 'X\n\nY');
    expect(state.blocks.map((b) => b.text)).toEqual(['X\n\n']);
  });
});

describe('splitBlocks without blank lines', () => {
  const lines = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i)).join('\n') + '\n';

  it('splits before a fence, display math or a heading that follows a line directly', () => {
    const text = 'Intro line\n```ts\nconst a = 1;\n```\nText\n# Title\n$$\nx\n$$\nEnd';
    expect(split(text)).toEqual({ blocks: ['Intro line\n', '```ts\nconst a = 1;\n```\nText\n', '# Title\n'], tail: '$$\nx\n$$\nEnd' });
    const s = splitBlocks(emptySplit(), text);
    expect(s.blocks.every((b) => !b.continuation)).toBe(true);
  });

  it('splits a long run of lines at a line boundary, marking the rest a continuation', () => {
    const text = lines(200, (i) => `Line ${i} of a paragraph that never ends, with some words in it.`);
    const s = splitBlocks(emptySplit(), text);
    expect(s.blocks.length).toBeGreaterThan(1);
    for (const block of s.blocks) expect(block.text.length).toBeLessThanOrEqual(SOFT_BLOCK_CHARS + 100);
    expect(s.blocks[0]!.continuation).toBe(false);
    expect(s.blocks.slice(1).every((b) => b.continuation)).toBe(true);
    expect(s.blocks.map((b) => b.text).join('') + tailOf(s)).toBe(text);
  });

  it('never splits a table, a setext heading or a list item from its lazy lines', () => {
    const table = '| a | b |\n|---|---|\n' + lines(300, (i) => `| row ${i} | value ${i} with padding text |`);
    expect(splitBlocks(emptySplit(), table).blocks).toEqual([]);
    const setext = lines(120, (i) => `Title words number ${i} that go on and on for a while`) + '=====\n';
    expect(split(setext).blocks.some((b) => b.startsWith('='))).toBe(false);
    const lazy = '- item\n' + lines(150, (i) => `lazy continuation line ${i} of the first item`);
    expect(splitBlocks(emptySplit(), lazy).blocks).toEqual([]);
  });

  it('splits a long list only before an item, so it goes on as a list', () => {
    const list = lines(150, (i) => `${i + 1}. item number ${i + 1} with a few more words`);
    const s = splitBlocks(emptySplit(), list);
    expect(s.blocks.length).toBeGreaterThan(0);
    for (const b of [...s.blocks.slice(1).map((x) => x.text), tailOf(s)]) expect(b).toMatch(/^\d+\. item/);
  });

  it('cuts the same blocks whether the text arrives at once or in pieces', () => {
    const text = lines(300, (i) => (i % 40 === 0 ? `## Part ${i}` : i % 7 === 0 ? `- point ${i}` : `Sentence ${i} in a long answer without blank lines.`));
    let state = emptySplit();
    for (let i = 1; i <= text.length; i += 97) state = splitBlocks(state, text.slice(0, i));
    state = splitBlocks(state, text);
    const once = splitBlocks(emptySplit(), text);
    expect(state.blocks).toEqual(once.blocks);
    expect(tailOf(state)).toBe(tailOf(once));
  });
});

describe('extendsText', () => {
  it('tells an extension from a replacement, short or long', async () => {
    const { extendsText } = await import('./extends-text');
    expect(extendsText('abc', 'abcd')).toBe(true);
    expect(extendsText('abc', 'abx')).toBe(false);
    const long = 'lorem ipsum '.repeat(20_000);
    expect(extendsText(long, long + 'more')).toBe(true);
    expect(extendsText(long, 'X' + long.slice(1) + 'more')).toBe(false);
    expect(extendsText(long, long.slice(0, -1) + 'X' + 'more')).toBe(false);
    expect(extendsText(long, long.slice(0, 1000))).toBe(false);
  });
});
