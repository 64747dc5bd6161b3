import { describe, expect, it } from 'vitest';
import { normalizeMathDelimiters as norm } from './normalize-math';

describe('normalizeMathDelimiters', () => {
  it('rewrites inline \\( \\) to $ $', () => {
    expect(norm('Euler: \\(e^{i\\pi} + 1 = 0\\).')).toBe('Euler: $e^{i\\pi} + 1 = 0$.');
  });

  it('rewrites \\[ \\] on their own lines to a display block', () => {
    expect(norm('Sum:\n\\[\n\\sum_{i=1}^n i\n\\]\nDone')).toBe('Sum:\n$$\n\\sum_{i=1}^n i\n$$\nDone');
    expect(norm('\\[ a^2 + b^2 = c^2 \\]')).toBe('$$\na^2 + b^2 = c^2\n$$');
  });

  it('keeps \\[ \\] inside a line inline', () => {
    expect(norm('so \\[x\\] here')).toBe('so $$x$$ here');
  });

  it('leaves text without backslash delimiters untouched (fast path)', () => {
    const s = 'Price $5 and $$x$$ and `code`';
    expect(norm(s)).toBe(s);
  });

  it('skips code spans', () => {
    expect(norm('use `\\(x\\)` for \\(y\\)')).toBe('use `\\(x\\)` for $y$');
    expect(norm('``a ` \\(b\\) ``')).toBe('``a ` \\(b\\) ``');
  });

  it('skips fenced code blocks, backtick and tilde', () => {
    const src = '```latex\n\\[x\\]\n\\(y\\)\n```\n\\(z\\)\n~~~\n\\(w\\)\n~~~';
    expect(norm(src)).toBe('```latex\n\\[x\\]\n\\(y\\)\n```\n$z$\n~~~\n\\(w\\)\n~~~');
  });

  it('treats an unclosed fence as code to the end', () => {
    expect(norm('```\n\\(a\\)')).toBe('```\n\\(a\\)');
  });

  it('does not treat escaped backslashes as delimiters', () => {
    expect(norm('a \\\\(b\\\\) c')).toBe('a \\\\(b\\\\) c');
  });

  it('leaves an opener without a closer alone, and does not cross a blank line', () => {
    expect(norm('call f\\(x')).toBe('call f\\(x');
    expect(norm('\\(a\n\nb\\)')).toBe('\\(a\n\nb\\)');
  });

  it('lets display math on its own lines hold blank lines', () => {
    expect(norm('\\[\na\n\nb\n\\]')).toBe('$$\na\n\nb\n$$');
  });

  it('handles several on one line and multi-line inline math', () => {
    expect(norm('\\(a\\) and \\(b\\)')).toBe('$a$ and $b$');
    expect(norm('\\(a +\nb\\)')).toBe('$a +\nb$');
  });
});
