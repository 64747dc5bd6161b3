import { extendsText } from './extends-text';
import { PIECE_CHARS } from './limits';

/**
 * Cuts a growing text into line-aligned pieces of about PIECE_CHARS characters. A piece is cut
 * after the first line break at or past PIECE_CHARS, or at 2 × PIECE_CHARS if a single line goes on
 * that long. Where a cut falls depends only on the text before it, so finished pieces never move
 * as the text grows: each is rendered (and highlighted) once, and only the last one changes.
 */
export class PieceCutter {
  private text = '';
  /** Ends of the finished pieces. */
  private ends: number[] = [];
  private pieces: string[] = [];

  /** The pieces of `text`; the finished ones keep their string identity from call to call. */
  cut(text: string): string[] {
    if (!extendsText(this.text, text)) {
      this.ends = [];
      this.pieces = [];
    }
    this.text = text;
    let start = this.ends.at(-1) ?? 0;
    for (;;) {
      if (text.length - start <= PIECE_CHARS) break;
      const nl = text.indexOf('\n', start + PIECE_CHARS - 1);
      let end: number;
      if (nl !== -1 && nl < start + 2 * PIECE_CHARS) end = nl + 1;
      else if (text.length >= start + 2 * PIECE_CHARS) end = start + 2 * PIECE_CHARS;
      else break;
      // A piece never ends inside a surrogate pair.
      const c = text.charCodeAt(end - 1);
      if (c >= 0xd800 && c <= 0xdbff && end < text.length) end++;
      this.ends.push(end);
      this.pieces.push(text.slice(start, end));
      start = end;
    }
    const rest = text.slice(start);
    return rest ? [...this.pieces, rest] : [...this.pieces];
  }
}
