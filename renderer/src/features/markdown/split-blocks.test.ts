import { describe, expect, it } from 'vitest';
import { IncrementalBlocks } from './block-groups';
import { emptySplit, splitBlocks, tailOf } from './split-blocks';

const split = (text: string) => {
  const s = splitBlocks(emptySplit(), text);
  return { blocks: s.blocks, tail: tailOf(s) };
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
    const seen: string[][] = [];
    for (let i = 1; i <= text.length; i += 3) {
      state = splitBlocks(state, text.slice(0, i));
      seen.push(state.blocks);
    }
    state = splitBlocks(state, text);
    expect(state.blocks).toEqual(split(text).blocks);
    expect(tailOf(state)).toBe('End');
  });

  it('starts over when the text is replaced rather than extended', () => {
    let state = splitBlocks(emptySplit(), 'A\n\nB\n\nC');
    state = splitBlocks(state, 'X\n\nY');
    expect(state.blocks).toEqual(['X\n\n']);
  });
});

describe('IncrementalBlocks', () => {
  it('keeps the identity of unchanged groups while the tail grows', () => {
    const blocks = new IncrementalBlocks();
    const text = Array.from({ length: 20 }, (_, i) => `Para ${i}.`).join('\n\n');
    const first = blocks.update(text);
    const second = blocks.update(text + ' more');
    expect(second.groups[0]).toBe(first.groups[0]);
    expect(second.tail).toBe('Para 19. more');
  });
});
