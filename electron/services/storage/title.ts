/** Titles longer than this many characters (graphemes) are cut. */
const MAX_LENGTH = 40;
/** When cutting, prefer the last word break at or after this many characters. */
const MIN_WORD_CUT = 28;

const FENCE_LINE = /^\s*(`{3,}|~{3,})[^`]*$/;
// Heading, quote, list bullet or number, possibly nested ("> - item").
const LEADING_MARKERS = /^\s*(?:(?:#{1,6}|>|[-*+]|\d{1,9}[.)])(?:\s+|$))+/;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Grapheme clusters, so an emoji with modifiers or ZWJ parts, or a surrogate pair, is never split. */
function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
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

  const chars = graphemes(plain);
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
