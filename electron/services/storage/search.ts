import type Database from 'libsql';
import type { MessageRole, SearchGroup, SearchHit, SearchResult } from '../../../shared/schemas';
import { createMatchWindowReader } from './match-window';
import { preparedByCount } from './prepared-by-count';
import { buildSnippet, parseQuery, SNIPPET_LENGTH, snippetSource, toLikePattern, toMatchExpression } from './search-text';
import { snippetText } from './snippet-text';
import { createTitleSearch } from './title-search';

/** Messages a 1–2 character query looks at, newest first: keeps it fast on any history size. */
export const SHORT_QUERY_SCAN_BUDGET = 30_000;
/** Matching messages read per query at most (a conversation with hundreds of hits counts them all). */
const MAX_ROWS_READ = 2000;
const HITS_PER_GROUP = 3;

/**
 * Up to MAX_ROWS_READ rows pass through; only the few kept for snippets need more. Only columns
 * stored before `content`: reading one after it (created_at) walks a long message's overflow pages,
 * which doubled the cost of reading 2,000 hits.
 */
interface CandidateRow {
  rowid: number;
  id: string;
  conversation_id: string;
  role: MessageRole;
  title: string;
  conversation_updated_at: number;
}

const CANDIDATE_COLUMNS = `m.rowid AS rowid, m.id, m.conversation_id, m.role, c.title, c.updated_at AS conversation_updated_at`;

export interface SearchIndex {
  search(text: string, limit?: number): SearchResult;
}

export function createSearch(db: Database.Database, options: { shortScanBudget?: number } = {}): SearchIndex {
  const budget = options.shortScanBudget ?? SHORT_QUERY_SCAN_BUDGET;
  // One LIKE filter per 1–2 character term (the trigram index cannot look those up).
  const SHORT_FILTER = `AND (m.content LIKE ? ESCAPE '\\' OR m.reasoning LIKE ? ESCAPE '\\')`;
  const ftsQuery = preparedByCount(
    db,
    SHORT_FILTER,
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
  const shortQuery = preparedByCount(
    db,
    SHORT_FILTER,
    (filters) =>
      `SELECT ${CANDIDATE_COLUMNS}
         FROM messages m
         JOIN conversations c ON c.id = m.conversation_id
         WHERE m.created_at >= ? AND m.status <> 'streaming' AND c.deleted_at IS NULL ${filters}
         ORDER BY m.created_at DESC`,
  );
  const scanFloor = db.prepare(`SELECT created_at FROM messages ORDER BY created_at DESC LIMIT 1 OFFSET ?`);
  const titleGroups = createTitleSearch(db);
  const readText = createMatchWindowReader(db);
  const createdAt = db.prepare('SELECT created_at FROM messages WHERE rowid = ?');
  const hitDetails = { readText, createdAt: (rowid: number) => (createdAt.get(rowid) as { created_at: number }).created_at };

  return {
    search(text, limit = 20) {
      const { long, short } = parseQuery(text);
      if (long.length === 0 && short.length === 0) return { groups: [], partial: false };
      const likeArgs = short.flatMap((t) => [toLikePattern(t), toLikePattern(t)]);
      const terms = [...long, ...short];
      const titles = titleGroups(long, short, limit);
      if (long.length > 0) {
        const rows = ftsQuery(short.length).iterate(toMatchExpression(long), ...likeArgs) as IterableIterator<CandidateRow>;
        return { groups: withHits(mergeGroups(titles, byConversation(collect(rows, limit).rows), limit), terms, hitDetails), partial: false };
      }
      const floorRow = scanFloor.get(budget - 1) as { created_at: number } | undefined;
      const floor = floorRow?.created_at ?? Number.MIN_SAFE_INTEGER;
      const found = collect(shortQuery(short.length).iterate(floor, ...likeArgs) as IterableIterator<CandidateRow>, limit);
      // Reached the budget's floor without filling the page: older messages were not looked at.
      const groups = withHits(mergeGroups(titles, byConversation(found.rows), limit), terms, hitDetails);
      return { groups, partial: floorRow !== undefined && !found.stoppedEarly };
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

/** A conversation to show, with the rows whose snippets it will show. */
interface PendingGroup {
  group: SearchGroup;
  rows: CandidateRow[];
}

/** Rows by conversation, in the order the conversations first appear (newest hit first). */
function byConversation(rows: CandidateRow[]): PendingGroup[] {
  const groups = new Map<string, PendingGroup>();
  for (const row of rows) {
    let g = groups.get(row.conversation_id);
    if (!g) {
      g = {
        group: { conversationId: row.conversation_id, title: row.title, updatedAt: row.conversation_updated_at, titleSnippet: null, hits: [] },
        rows: [],
      };
      groups.set(row.conversation_id, g);
    }
    g.rows.push(row);
  }
  return [...groups.values()];
}

/** Conversations whose title matches come first (with their message hits, if any), then the rest. */
function mergeGroups(titles: SearchGroup[], messages: PendingGroup[], limit: number): PendingGroup[] {
  const byId = new Map(messages.map((g) => [g.group.conversationId, g]));
  const merged = titles.map((t) => ({ group: t, rows: byId.get(t.conversationId)?.rows ?? [] }));
  const seen = new Set(titles.map((t) => t.conversationId));
  for (const g of messages) if (!seen.has(g.group.conversationId)) merged.push(g);
  return merged.slice(0, limit);
}

/** A snippet of what the message reads as (no Markdown source); the source only when the match is in its syntax. */
const snippetOf = (text: string, terms: readonly string[]) => {
  const source = snippetSource(text, terms);
  return buildSnippet(snippetText(source), terms) ?? buildSnippet(source, terms);
};

interface HitDetails {
  readText: ReturnType<typeof createMatchWindowReader>;
  createdAt(rowid: number): number;
}

/** Snippets are the costly part of a search (reading and parsing text): made only for what is shown. */
function withHits(groups: PendingGroup[], terms: string[], { readText, createdAt }: HitDetails): SearchGroup[] {
  return groups.map(({ group, rows }) => ({
    ...group,
    hits: rows.map((row): SearchHit => {
      const content = readText(row.rowid, 'content', terms);
      const inContent = snippetOf(content, terms);
      const inReasoning = inContent ? null : snippetOf(readText(row.rowid, 'reasoning', terms), terms);
      return {
        messageId: row.id,
        role: row.role,
        field: inContent ? 'content' : 'reasoning',
        createdAt: createdAt(row.rowid),
        snippet: inContent ?? inReasoning ?? [{ text: [...snippetText(snippetSource(content, []))].slice(0, SNIPPET_LENGTH).join(''), match: false }],
      };
    }),
  }));
}
