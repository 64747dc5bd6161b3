/** Titles longer than this many characters (graphemes) are cut. */
const MAX_LENGTH = 40;
/** When cutting, prefer the last word break at or after this many characters. */
const MIN_WORD_CUT = 28;
/** The first window of text handed to the segmenter, in UTF-16 units; it doubles while too short. */
const FIRST_WINDOW = 256;

const FENCE_LINE = /^\s*(`{3,}|~{3,})[^`]*$/;
// Heading, quote, list bullet or number, possibly nested ("> - item").
const LEADING_MARKERS = /^\s*(?:(?:#{1,6}|>|[-*+]|\d{1,9}[.)])(?:\s+|$))+/;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The first `count` grapheme clusters of `text` (fewer when it is shorter): an emoji with modifiers
 * or ZWJ parts, or a surrogate pair, is never split. Segmenting grows faster than the text does: all
 * of a 100 KB Chinese paste took ~20 s (the host froze on a first message) to keep 40 characters, so
 * only a window at the start is segmented, widened only for clusters that are unusually long.
 */
export function leadingGraphemes(text: string, count: number): string[] {
  for (let window = FIRST_WINDOW; ; window *= 2) {
    const whole = window >= text.length;
    const chars: string[] = [];
    for (const { segment } of segmenter.segment(whole ? text : windowOf(text, window))) {
      // A boundary depends only on the text before it and the one code point after it, so in a
      // window one cluster beyond those kept proves the last kept one was not cut short.
      if (chars.length === count) return chars;
      chars.push(segment);
    }
    if (whole) return chars;
  }
}

/** The first `size` UTF-16 units, one fewer when the last would be half of a surrogate pair. */
function windowOf(text: string, size: number): string {
  const last = text.charCodeAt(size - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? size - 1 : size);
}

/**
 * A conversation title from the first user message: plain text, one line, ~40 characters,
 * "…" when cut. Returns '' when nothing is left; the caller shows a localized "New chat".
 */
export function deriveTitle(text: string): string {
  const plain = text
    .split(/\r\n|\r|\n/)
    .filter((line) => !FENCE_LINE.test(line))
    .map((line) => line.replace(LEADING_MARKERS, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

  const chars = leadingGraphemes(plain, MAX_LENGTH + 1);
  if (chars.length <= MAX_LENGTH) return plain;

  let cut = MAX_LENGTH;
  for (let i = MAX_LENGTH; i >= MIN_WORD_CUT; i--) {
    if (chars[i] === ' ') {
      cut = i;
      break;
    }
  }
  return chars.slice(0, cut).join('').trimEnd() + '…';
}
