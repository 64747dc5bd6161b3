import { describe, expect, it } from 'vitest';
import { buildSnippet } from '../../electron/services/storage/search-text';
import { markdownToPlain } from '../../shared/plain-text';

describe('markdownToPlain', () => {
  it('drops emphasis, headings, table rules, fences and link targets; keeps the words', () => {
    const md = [
      '# 东京七日游',
      '**第一天**：浅草寺，_雷门_。',
      '',
      '| 天 | 地点 |',
      '|---|---|',
      '| 1 | 浅草 |',
      '',
      '```js',
      'const x = 1;',
      '```',
      'See [the docs](https://example.com/docs) and ![map](map.png).',
    ].join('\n');
    const plain = markdownToPlain(md);
    expect(plain).toBe('东京七日游 第一天：浅草寺，雷门。 天 地点 1 浅草 const x = 1; See the docs and map.');
    expect(plain).not.toMatch(/\*\*|\|---|```|https:/);
  });

  it('leaves text without Markdown syntax untouched', () => {
    expect(markdownToPlain('Just words, 中文。')).toBe('Just words, 中文。');
  });

  it('gives snippets without Markdown source around the match', () => {
    const segments = buildSnippet(markdownToPlain('| Name | **Tokyo** trip |\n|---|---|\n| a | b |'), ['tokyo']);
    expect(segments?.map((s) => s.text).join('')).toBe('Name Tokyo trip a b');
    expect(segments?.find((s) => s.match)?.text).toBe('Tokyo');
  });
});
