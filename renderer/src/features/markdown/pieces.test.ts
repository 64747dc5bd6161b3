import { describe, expect, it } from 'vitest';
import { PIECE_CHARS } from './limits';
import { PieceCutter } from './pieces';

const code = Array.from({ length: 400 }, (_, i) => `line ${i}: const value${i} = compute(${i}); // note`).join('\n');

describe('PieceCutter', () => {
  it('cuts at line ends, each piece about PIECE_CHARS long, joining back to the text', () => {
    const pieces = new PieceCutter().cut(code);
    expect(pieces.join('')).toBe(code);
    for (const p of pieces.slice(0, -1)) {
      expect(p.endsWith('\n')).toBe(true);
      expect(p.length).toBeGreaterThanOrEqual(PIECE_CHARS);
      expect(p.length).toBeLessThan(2 * PIECE_CHARS);
    }
  });

  it('never moves a finished piece as the text grows, and keeps its string', () => {
    const cutter = new PieceCutter();
    let before = cutter.cut(code.slice(0, 3_000));
    for (let end = 3_000; end <= code.length; end += 731) {
      const now = cutter.cut(code.slice(0, end));
      for (let i = 0; i < before.length - 1; i++) expect(now[i]).toBe(before[i]);
      before = now;
    }
    expect(cutter.cut(code)).toEqual(new PieceCutter().cut(code));
  });

  it('cuts a single endless line at twice PIECE_CHARS', () => {
    const line = 'x'.repeat(10 * PIECE_CHARS);
    const pieces = new PieceCutter().cut(line);
    expect(pieces.slice(0, -1).every((p) => p.length === 2 * PIECE_CHARS)).toBe(true);
    expect(pieces.join('')).toBe(line);
  });
});
