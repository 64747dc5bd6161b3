import { describe, expect, it } from 'vitest';
import { countOccurrences, findMatches } from './find-matches';

const m = (id: string, role: 'user' | 'assistant', content: string) => ({ id, role, content });

describe('find in conversation', () => {
  it('counts literal, case-insensitive, non-overlapping occurrences', () => {
    expect(countOccurrences('Tokyo tokyo TOKYO', 'tokyo')).toBe(3);
    expect(countOccurrences('aaaa', 'aa')).toBe(2);
    expect(countOccurrences('a.b a+b', '.')).toBe(1);
    expect(countOccurrences('东京七日游，七日', '七日')).toBe(2);
    expect(countOccurrences('x', '')).toBe(0);
  });

  it('lists matches message by message, in order, on the text as shown', () => {
    const path = [m('1', 'user', 'Plan **a** trip'), m('2', 'assistant', '**Trip** plan: | trip | 1 |\n|---|---|'), m('3', 'assistant', 'none here')];
    // The user's asterisks are shown as typed; the answer's are Markdown and not shown.
    expect(findMatches(path, 'trip')).toEqual([
      { messageId: '1', occurrence: 0 },
      { messageId: '2', occurrence: 0 },
      { messageId: '2', occurrence: 1 },
    ]);
    expect(findMatches(path, '**')).toEqual([{ messageId: '1', occurrence: 0 }, { messageId: '1', occurrence: 1 }]);
    expect(findMatches(path, '   ')).toEqual([]);
  });
});
