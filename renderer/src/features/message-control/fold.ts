/** A user message longer than this (characters or lines) shows folded, with "Show more". */
export const FOLD_CHARS = 600;
export const FOLD_LINES = 10;

/**
 * The folded preview of a long text: its first lines, at most FOLD_CHARS characters, cut before a
 * surrogate pair is split. Null when the text is short enough to show whole. Only this slice goes
 * into the DOM, so a 100 KB paste costs what a short message does until it is opened.
 */
export function foldedPreview(text: string): string | null {
  if (text.length <= FOLD_CHARS) {
    let lines = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) if (++lines > FOLD_LINES) break;
    if (lines <= FOLD_LINES) return null;
  }
  let end = Math.min(text.length, FOLD_CHARS);
  let newlines = 0;
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10 && ++newlines === FOLD_LINES) {
      end = i;
      break;
    }
  }
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end).trimEnd();
}
