import { afterEach, describe, expect, it, vi } from 'vitest';
import { deriveTitle, leadingGraphemes } from '../../electron/services/storage/title';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FAMILY = '👨‍👩‍👧'; // three emoji joined by ZWJ: one visible character, eight UTF-16 units

describe('deriveTitle', () => {
  it.each([
    ['short English stays as is', 'Hello world', 'Hello world'],
    ['whitespace collapses', '  Hello \n\n\t world  ', 'Hello world'],
    [
      'long English is cut at a word break',
      'Please explain how the event loop works in Node.js and browsers',
      'Please explain how the event loop works…',
    ],
    ['exactly 40 characters are not cut', 'x'.repeat(40), 'x'.repeat(40)],
    ['41 characters without spaces are cut hard', 'x'.repeat(41), 'x'.repeat(40) + '…'],
    ['short Chinese stays as is', '你好，请帮我写一首诗', '你好，请帮我写一首诗'],
    ['long Chinese is cut at 40 characters', '一二三四五六七八九十'.repeat(5), '一二三四五六七八九十'.repeat(4) + '…'],
    ['astral CJK at the cut stays whole', '字'.repeat(39) + '𠜎𠜎', '字'.repeat(39) + '𠜎…'],
    ['emoji at the cut stays whole', 'a'.repeat(39) + '😀bbb', 'a'.repeat(39) + '😀…'],
    ['ZWJ emoji at the cut stays whole', 'a'.repeat(39) + FAMILY + 'bbb', 'a'.repeat(39) + FAMILY + '…'],
    ['markdown heading', '# Release notes\n\nWhat changed?', 'Release notes What changed?'],
    ['deep heading', '### 标题', '标题'],
    ['quote and nested list', '> - quoted item\n* another', 'quoted item another'],
    ['numbered list', '1. first\n2. second', 'first second'],
    ['code fence with language', '```ts\nconst x = 1;\n```', 'const x = 1;'],
    ['tilde fence', '~~~\nls -la\n~~~', 'ls -la'],
    ['emphasis is not a list marker', '*really* important', '*really* important'],
    ['a hyphen in a word is kept', '-5 degrees outside', '-5 degrees outside'],
    ['whitespace only', ' \n\t \r\n ', ''],
    ['markers only', '#\n>\n-', ''],
    ['empty fence only', '```\n```', ''],
    ['empty string', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(deriveTitle(input)).toBe(expected);
  });

  it('never leaves a lone surrogate whatever the cut position', () => {
    for (let prefix = 30; prefix <= 42; prefix++) {
      const title = deriveTitle('a'.repeat(prefix) + '😀🇨🇳' + FAMILY + '𠜎'.repeat(5));
      expect(title).not.toMatch(LONE_SURROGATE);
      // The only characters allowed are whole ones from the input, plus the ellipsis.
      expect(title.replace(/a|😀|🇨🇳|𠜎|…/gu, '').replaceAll(FAMILY, '')).toBe('');
    }
  });
});

describe('deriveTitle on a long first message', () => {
  afterEach(() => vi.restoreAllMocks());

  // Segmenting all of a 100 KB paste froze the host for ~20 s; only the start may be segmented.
  it('segments only the start of a 100 KB paste, and titles it', () => {
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    const paste = '请帮我检查这段日志里的错误。'.repeat(8000);
    expect(paste.length).toBeGreaterThan(100_000);
    expect(deriveTitle(paste)).toBe(paste.slice(0, 40) + '…');
    const segmented = segment.mock.calls.reduce((sum, [text]) => sum + text.length, 0);
    expect(segmented).toBeLessThanOrEqual(1024);
  });

  it('cuts a long English paste at a word break, as a short one', () => {
    expect(deriveTitle('Please explain how the event loop works in Node.js and browsers\n'.repeat(2000))).toBe(
      'Please explain how the event loop works…',
    );
  });

  it('widens the window for clusters longer than it', () => {
    // 45 characters of 20 combining marks each: 945 UTF-16 units, far beyond the first window.
    const zalgo = 'e' + '\u0301'.repeat(20);
    const chars = leadingGraphemes(zalgo.repeat(45), 41);
    expect(chars).toHaveLength(41);
    expect(chars.every((c) => c === zalgo)).toBe(true);
    expect(deriveTitle(zalgo.repeat(45))).toBe(zalgo.repeat(40) + '…');
  });

  it('a cluster cut by the window edge is never kept half', () => {
    // The 41st character sits across the first window's end.
    const text = 'a'.repeat(40) + FAMILY.repeat(40);
    for (let prefix = 244; prefix <= 257; prefix++) {
      const chars = leadingGraphemes('a'.repeat(prefix) + FAMILY + 'b', prefix + 1);
      expect(chars.at(-1)).toBe(FAMILY);
    }
    expect(leadingGraphemes(text, 41).at(-1)).toBe(FAMILY);
  });
});
