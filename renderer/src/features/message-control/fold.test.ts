import { describe, expect, it } from 'vitest';
import { FOLD_CHARS, FOLD_LINES, foldedPreview } from './fold';
import { asQuote } from './actions';

describe('folding long user messages', () => {
  it('leaves short messages whole', () => {
    expect(foldedPreview('hello')).toBeNull();
    expect(foldedPreview('x'.repeat(FOLD_CHARS))).toBeNull();
    expect(foldedPreview(Array(FOLD_LINES).fill('line').join('\n'))).toBeNull();
  });

  it('folds a 100 KB paste to its start', () => {
    const preview = foldedPreview('日志'.repeat(50_000));
    expect(preview).toBe('日志'.repeat(FOLD_CHARS / 2));
  });

  it('folds many short lines after the line limit', () => {
    const text = Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n');
    expect(foldedPreview(text)?.split('\n')).toHaveLength(FOLD_LINES);
  });

  it('never cuts an emoji in half', () => {
    const preview = foldedPreview('a'.repeat(FOLD_CHARS - 1) + '😀'.repeat(10))!;
    expect(preview.endsWith('a')).toBe(true);
  });

  it('quotes every line', () => {
    expect(asQuote(' one\n\ntwo ')).toBe('> one\n>\n> two\n\n');
  });
});
