import type Database from 'libsql';
import type { MessageRole, SearchGroup, SearchHit, SearchResult, SnippetSegment } from '../../../shared/schemas';
import { markdownToPlain } from '../../../shared/plain-text';

/** Messages a 1–2 character query looks at, newest first: keeps it fast on any history size. */
const SHORT_QUERY_SCAN_BUDGET = 50_000;
/** Matching messages read per query at most (a conversation with hundreds of hits counts them all). */
const MAX_ROWS_READ = 2000;
const HITS_PER_GROUP = 3;
const MAX_TERMS = 8;
/** Characters of context before the first match, and total snippet length (code points). */
const SNIPPET_BEFORE = 40;
const SNIPPET_LENGTH = 160;

interface CandidateRow {
  id: string;
  conversation_id: string;
  role: MessageRole;
  content: string;
  reasoning: string;
  created_at: number;
  title: string;
  conversation_updated_at: number;
}

const CANDIDATE_COLUMNS = `m.id, m.conversation_id, m.role, m.content, m.reasoning, m.created_at,
  c.title, c.updated_at AS conversation_updated_at`;

/** Splits a query into terms; the trigram index can only look up terms of 3+ characters. */
export function parseQuery(text: string): { long: string[]; short: string[] } {
  const terms = [...new Set(text.trim().split(/\s+/u).filter((t) => t.length > 0))].slice(0, MAX_TERMS);
  const long: string[] = [];
  const short: string[] = [];
  for (const term of terms) ([...term].length >= 3 ? long : short).push(term);
  return { long, short };
}

/** Every term becomes a quoted FTS5 string, so `"`, `*`, `NEAR`, `(`, `-`, `:` are plain characters. */
const toMatchExpression = (terms: readonly string[]): string =>
  terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND ');

/** A LIKE pattern for a literal substring (ASCII case-insensitive, like the index). */
export const toLikePattern = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Any of the terms, literally and case-insensitively, longest first (so a longer term wins where two start together). */
const termPattern = (terms: readonly string[], flags: string): RegExp =>
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

export interface SearchIndex {
  search(text: string, limit?: number): SearchResult;
}

export function createSearch(db: Database.Database, options: { shortScanBudget?: number } = {}): SearchIndex {
  const budget = options.shortScanBudget ?? SHORT_QUERY_SCAN_BUDGET;
  /** One statement per number of short terms (each a LIKE filter), prepared on first use. */
  const perShortTermCount = (sql: (filters: string) => string) => {
    const statements = new Map<number, Database.Statement>();
    return (shortTerms: number): Database.Statement => {
      let stmt = statements.get(shortTerms);
      if (!stmt) {
        const filters = Array.from({ length: shortTerms }, () => `AND (m.content LIKE ? ESCAPE '\\' OR m.reasoning LIKE ? ESCAPE '\\')`).join(' ');
        statements.set(shortTerms, (stmt = db.prepare(sql(filters))));
      }
      return stmt;
    };
  };
  const ftsQuery = perShortTermCount(
    (filters) =>
      `SELECT ${CANDIDATE_COLUMNS}
         FROM messages_fts f
         JOIN messages m ON m.rowid = f.rowid
         JOIN conversations c ON c.id = m.conversation_id
         WHERE messages_fts MATCH ? AND c.deleted_at IS NULL ${filters}
         ORDER BY f.rowid DESC`,
  );
  // Walks messages_created_at newest first; the caller stops once it has enough conversations,
  // and the floor stops it at the scan budget.
  const shortQuery = perShortTermCount(
    (filters) =>
      `SELECT ${CANDIDATE_COLUMNS}
         FROM messages m
         JOIN conversations c ON c.id = m.conversation_id
         WHERE m.created_at >= ? AND m.status <> 'streaming' AND c.deleted_at IS NULL ${filters}
         ORDER BY m.created_at DESC`,
  );
  const scanFloor = db.prepare(`SELECT created_at FROM messages ORDER BY created_at DESC LIMIT 1 OFFSET ?`);
  // Titles are few (one per conversation): a LIKE per term over them is cheap at any length, Chinese included.
  const titleStatements = new Map<number, Database.Statement>();
  const titleQuery = (terms: number): Database.Statement => {
    let stmt = titleStatements.get(terms);
    if (!stmt) {
      const filters = Array.from({ length: terms }, () => `AND title LIKE ? ESCAPE '\\'`).join(' ');
      stmt = db.prepare(`SELECT id, title, updated_at FROM conversations WHERE deleted_at IS NULL ${filters} ORDER BY pinned DESC, updated_at DESC LIMIT ?`);
      titleStatements.set(terms, stmt);
    }
    return stmt;
  };
  const titleGroups = (terms: string[], limit: number): SearchGroup[] =>
    (titleQuery(terms.length).all(...terms.map(toLikePattern), limit) as { id: string; title: string; updated_at: number }[]).map((row) => ({
      conversationId: row.id,
      title: row.title,
      updatedAt: row.updated_at,
      titleSnippet: buildSnippet(row.title, terms),
      hits: [],
    }));

  return {
    search(text, limit = 20) {
      const { long, short } = parseQuery(text);
      if (long.length === 0 && short.length === 0) return { groups: [], partial: false };
      const likeArgs = short.flatMap((t) => [toLikePattern(t), toLikePattern(t)]);
      const terms = [...long, ...short];
      const titles = titleGroups(terms, limit);
      if (long.length > 0) {
        const rows = ftsQuery(short.length).iterate(toMatchExpression(long), ...likeArgs) as IterableIterator<CandidateRow>;
        return { groups: mergeGroups(titles, group(collect(rows, limit).rows, terms, limit), limit), partial: false };
      }
      const floorRow = scanFloor.get(budget - 1) as { created_at: number } | undefined;
      const floor = floorRow?.created_at ?? Number.MIN_SAFE_INTEGER;
      const found = collect(shortQuery(short.length).iterate(floor, ...likeArgs) as IterableIterator<CandidateRow>, limit);
      // Reached the budget's floor without filling the page: older messages were not looked at.
      return { groups: mergeGroups(titles, group(found.rows, terms, limit), limit), partial: floorRow !== undefined && !found.stoppedEarly };
    },
  };
}

/**
 * Takes rows (newest first) until `limit` conversations have hits, keeping at most HITS_PER_GROUP
 * per conversation; reading stops there, so a common word costs no more than a rare one.
 */
function collect(rows: Iterable<CandidateRow>, limit: number): { rows: CandidateRow[]; stoppedEarly: boolean } {
  const kept: CandidateRow[] = [];
  const perConversation = new Map<string, number>();
  let read = 0;
  for (const row of rows) {
    const n = perConversation.get(row.conversation_id) ?? 0;
    if (n === 0 && perConversation.size >= limit) return { rows: kept, stoppedEarly: true };
    if (n < HITS_PER_GROUP) {
      perConversation.set(row.conversation_id, n + 1);
      kept.push(row);
    }
    if (++read >= MAX_ROWS_READ) return { rows: kept, stoppedEarly: true };
  }
  return { rows: kept, stoppedEarly: false };
}

/** Conversations whose title matches come first (with their message hits, if any), then the rest. */
function mergeGroups(titles: SearchGroup[], messages: SearchGroup[], limit: number): SearchGroup[] {
  const byId = new Map(messages.map((g) => [g.conversationId, g]));
  const merged = titles.map((t) => ({ ...t, hits: byId.get(t.conversationId)?.hits ?? [] }));
  const seen = new Set(titles.map((t) => t.conversationId));
  for (const g of messages) if (!seen.has(g.conversationId)) merged.push(g);
  return merged.slice(0, limit);
}

/**
 * Characters on each side of the first match that a snippet is made from. Parsing a whole message
 * as Markdown and walking it code point by code point is fine for a chat answer but not for one of
 * megabytes (a pasted log, a runaway answer): measured on a history holding a 10 MB answer, every
 * search that hit it took minutes and a gigabyte. A window this size still holds the snippet.
 */
const SNIPPET_WINDOW = 2_000;

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The part of a long text around its first match (the start when nothing matches), cut between code points. */
export function snippetSource(text: string, terms: readonly string[]): string {
  if (text.length <= SNIPPET_WINDOW * 2) return text;
  const at = terms.length > 0 ? (termPattern(terms, 'iu').exec(text)?.index ?? 0) : 0;
  let from = Math.max(0, at - SNIPPET_WINDOW);
  let to = Math.min(text.length, at + SNIPPET_WINDOW);
  if (isLowSurrogate(text.charCodeAt(from))) from += 1;
  if (isLowSurrogate(text.charCodeAt(to))) to += 1;
  return text.slice(from, to);
}

/** A snippet of what the message reads as (no Markdown source); the source only when the match is in its syntax. */
const snippetOf = (text: string, terms: readonly string[]) => {
  const source = snippetSource(text, terms);
  return buildSnippet(markdownToPlain(source), terms) ?? buildSnippet(source, terms);
};

function group(rows: CandidateRow[], terms: string[], limit: number): SearchGroup[] {
  const groups = new Map<string, SearchGroup>();
  for (const row of rows) {
    let g = groups.get(row.conversation_id);
    if (!g) {
      if (groups.size >= limit) continue;
      g = { conversationId: row.conversation_id, title: row.title, updatedAt: row.conversation_updated_at, titleSnippet: null, hits: [] };
      groups.set(row.conversation_id, g);
    }
    if (g.hits.length >= HITS_PER_GROUP) continue;
    const inContent = snippetOf(row.content, terms);
    const inReasoning = inContent ? null : snippetOf(row.reasoning, terms);
    const hit: SearchHit = {
      messageId: row.id,
      role: row.role,
      field: inContent ? 'content' : 'reasoning',
      createdAt: row.created_at,
      snippet: inContent ?? inReasoning ?? [{ text: [...markdownToPlain(snippetSource(row.content, []))].slice(0, SNIPPET_LENGTH).join(''), match: false }],
    };
    g.hits.push(hit);
  }
  return [...groups.values()];
}
