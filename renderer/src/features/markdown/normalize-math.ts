/**
 * Models write LaTeX delimiters `\( … \)` and `\[ … \]` as often as `$ … $` and `$$ … $$`, but
 * remark-math only knows the dollar forms (and Markdown would eat the backslashes). This pure
 * pre-pass rewrites the backslash forms to dollar forms, leaving code spans and fenced code alone.
 *
 * - `\(x\)` becomes `$x$`.
 * - `\[x\]` on lines of its own becomes a display block `$$\nx\n$$`; inside a line it becomes `$$x$$`.
 * - An escaped backslash (`\\(`) is not a delimiter; an opener without a closer is left as it was.
 */
export function normalizeMathDelimiters(text: string): string {
  if (!text.includes('\\(') && !text.includes('\\[')) return text;
  let out = '';
  let i = 0;
  let fence: { char: string; len: number } | null = null;
  let lineStart = true;

  while (i < text.length) {
    if (lineStart) {
      const nl = text.indexOf('\n', i);
      const line = text.slice(i, nl === -1 ? text.length : nl);
      const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (fence) {
        const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
        if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.len) fence = null;
        out += line + (nl === -1 ? '' : '\n');
        i = nl === -1 ? text.length : nl + 1;
        continue;
      }
      if (m?.[1] && !(m[1][0] === '`' && line.slice(m.index + m[0].length).includes('`'))) {
        fence = { char: m[1][0]!, len: m[1].length };
        out += line + (nl === -1 ? '' : '\n');
        i = nl === -1 ? text.length : nl + 1;
        continue;
      }
      lineStart = false;
    }
    const ch = text[i]!;
    if (ch === '\n') {
      out += ch;
      i++;
      lineStart = true;
      continue;
    }
    if (ch === '`') {
      // A code span: a run of N backticks up to the next run of exactly N backticks.
      let n = 1;
      while (text[i + n] === '`') n++;
      const run = '`'.repeat(n);
      let search = i + n;
      let end = -1;
      while (search < text.length) {
        const at = text.indexOf(run, search);
        if (at === -1) break;
        let after = at + n;
        if (text[after] !== '`' && text[at - 1] !== '`') {
          end = after;
          break;
        }
        while (text[after] === '`') after++;
        search = after;
      }
      if (end === -1) {
        out += run;
        i += n;
      } else {
        out += text.slice(i, end);
        i = end;
      }
      continue;
    }
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === '(' || next === '[') {
        const closer = next === '(' ? '\\)' : '\\]';
        // Display math opened on a line of its own may hold blank lines (like a `$$` block).
        const ownLine = next === '[' && atLineStart(out) && /^[ \t]*\n/.test(text.slice(i + 2));
        const end = findCloser(text, i + 2, closer, ownLine);
        if (end !== -1) {
          const body = text.slice(i + 2, end);
          if (next === '(') {
            out += `$${body.trim()}$`;
          } else {
            const ownLineStart = atLineStart(out);
            const rest = text.slice(end + 2);
            const ownLineEnd = /^[ \t]*(\n|$)/.test(rest);
            out += ownLineStart && ownLineEnd ? `$$\n${body.trim()}\n$$` : `$$${body.trim()}$$`;
          }
          i = end + 2;
          continue;
        }
      }
      // Any other escape (including `\\`) is copied as a pair so `\\(` stays literal.
      out += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** The next unescaped `closer`; inline math never spans a blank line. */
function findCloser(text: string, from: number, closer: string, acrossBlankLines: boolean): number {
  for (let j = from; j < text.length - 1; j++) {
    const c = text[j];
    if (c === '\n' && !acrossBlankLines && /^\n[ \t]*\n/.test(text.slice(j, j + 64))) return -1;
    if (c === '\\') {
      if (text[j + 1] === closer[1]) return j;
      j++;
    }
  }
  return -1;
}

/** Whether only spaces or tabs follow the last line break of `s` (scans back, not the whole string). */
function atLineStart(s: string): boolean {
  for (let j = s.length - 1; j >= 0; j--) {
    const c = s[j];
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}
