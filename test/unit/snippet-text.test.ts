import { describe, expect, it } from 'vitest';
import { snippetText } from '../../electron/services/storage/snippet-text';
import { markdownToPlain } from '../../shared/plain-text';

// Search snippets use markdown-it for speed; what they read as must match the renderer's parser.
const cases: [string, string][] = [
  [
    ['# 东京七日游', '**第一天**：浅草寺，_雷门_。', '', '| 天 | 地点 |', '|---|---|', '| 1 | 浅草 |', '', '```js', 'const x = 1;', '```', 'See [the docs](https://example.com/docs) and ![map](map.png).'].join('\n'),
    '东京七日游 第一天：浅草寺，雷门。 天 地点 1 浅草 const x = 1; See the docs and map.',
  ],
  ['| City | Days |\n|---|---|\n| **Kyoto** | 3 |', 'City Days Kyoto 3'],
  [
    'Some <b>html</b> and &amp; entity, ~~strike~~ and a\nsoft break  \nhard.\n\n> quote\n\n- a\n- b\n\n1. one\n\n<div>block</div>\n\n---\n\n    indented code',
    'Some html and & entity, strike and a soft break hard. quote a b one indented code',
  ],
  ['Just words, 中文。', 'Just words, 中文。'],
];

describe('snippetText', () => {
  it.each(cases)('reads %j as the renderer does', (markdown, plain) => {
    expect(snippetText(markdown)).toBe(plain);
    expect(markdownToPlain(markdown)).toBe(plain);
  });
});
