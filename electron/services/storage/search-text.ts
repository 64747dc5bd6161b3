import type { SnippetSegment } from '../../../shared/schemas';

/** The pure text side of search: query terms, FTS and LIKE patterns, snippets. No database here. */

const MAX_TERMS = 8;
/** Characters of context before the first match, and total snippet length (code points). */
const SNIPPET_BEFORE = 40;
export const SNIPPET_LENGTH = 160;

/** Splits a query into terms; the trigram index can only look up terms of 3+ characters. */
export function parseQuery(text: string): { long: string[]; short: string[] } {
  const terms = [...new Set(text.trim().split(/\s+/u).filter((t) => t.length > 0))].slice(0, MAX_TERMS);
  const long: string[] = [];
  const short: string[] = [];
  for (const term of terms) ([...term].length >= 3 ? long : short).push(term);
  return { long, short };
}

/** Every term becomes a quoted FTS5 string, so `"`, `*`, `NEAR`, `(`, `-`, `:` are plain characters. */
export const toMatchExpression = (terms: readonly string[]): string =>
  terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND ');

/** A LIKE pattern for a literal substring (ASCII case-insensitive, like the index). */
export const toLikePattern = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Any of the terms, literally and case-insensitively, longest first (so a longer term wins where two start together). */
export const termPattern = (terms: readonly string[], flags: string): RegExp =>
  new RegExp([...terms].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), flags);

/**
 * Plain-text segments around the first match, matches marked. Never HTML: the renderer shows each
 * segment as text, so a message containing markup cannot inject anything.
 */
export function buildSnippet(text: string, terms: readonly string[]): SnippetSegment[] | null {
  if (terms.length === 0) return null;
  const pattern = termPattern(terms, 'giu');
  const chars = [...text];
  // Offsets in code points, so a surrogate pair (emoji, rare CJK) is never cut in half.
  const codeUnitToPoint = new Map<number, number>();
  let unit = 0;
  chars.forEach((c, i) => {
    codeUnitToPoint.set(unit, i);
    unit += c.length;
  });
  codeUnitToPoint.set(unit, chars.length);

  const matches: [number, number][] = [];
  for (const m of text.matchAll(pattern)) {
    if (m[0].length === 0) continue;
    const start = codeUnitToPoint.get(m.index);
    const end = codeUnitToPoint.get(m.index + m[0].length);
    if (start !== undefined && end !== undefined) matches.push([start, end]);
  }
  const first = matches[0];
  if (!first) return null;

  const from = Math.max(0, first[0] - SNIPPET_BEFORE);
  const to = Math.min(chars.length, from + SNIPPET_LENGTH);
  const flat = (s: string) => s.replace(/\s+/gu, ' ');
  const segments: SnippetSegment[] = [];
  const push = (text: string, match: boolean) => {
    if (text.length === 0) return;
    const last = segments.at(-1);
    if (last && last.match === match) last.text += text;
    else segments.push({ text, match });
  };
  if (from > 0) push('…', false);
  let at = from;
  for (const [start, end] of matches) {
    if (start >= to) break;
    if (start < at) continue;
    push(flat(chars.slice(at, start).join('')), false);
    push(chars.slice(start, Math.min(end, to)).join(''), true);
    at = Math.min(end, to);
  }
  push(flat(chars.slice(at, to).join('')), false);
  if (to < chars.length) push('…', false);
  return segments;
}

/**
 * Characters of source before and after the first match that a snippet is made from. The snippet
 * shows 40 before and 160 in all; the rest leaves room for the markup the plain text drops. Parsing
 * is the cost of a search that hits long answers: a whole 10 MB answer took minutes and a gigabyte,
 * a 4,000-character window 2–13 ms (times 60 snippets), this one a fraction of a millisecond.
 */
export const SOURCE_BEFORE = 240;
export const SOURCE_AFTER = 400;

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The part of a text around its first match (the start when nothing matches), cut between code points. */
export function snippetSource(text: string, terms: readonly string[]): string {
  if (text.length <= SOURCE_BEFORE + SOURCE_AFTER) return text;
  const at = terms.length > 0 ? (termPattern(terms, 'iu').exec(text)?.index ?? 0) : 0;
  let from = Math.max(0, at - SOURCE_BEFORE);
  // Start at a line's start where one is near, so the block syntax there (`#`, `|`, `-`) parses as such.
  const lineStart = from === 0 ? -1 : text.indexOf('\n', from);
  if (lineStart !== -1 && lineStart < at) from = lineStart + 1;
  let to = Math.min(text.length, at + SOURCE_AFTER);
  if (isLowSurrogate(text.charCodeAt(from))) from += 1;
  if (isLowSurrogate(text.charCodeAt(to))) to += 1;
  return text.slice(from, to);
}
