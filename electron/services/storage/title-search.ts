import type Database from 'libsql';
import type { SearchGroup } from '../../../shared/schemas';
import { preparedByCount } from './prepared-by-count';
import { buildSnippet, toLikePattern, toMatchExpression } from './search-text';

/**
 * Titles the trigram index may hand over to be sorted into sidebar order. Past this many, the term
 * is common enough that walking the list index in that order finds a page after a few rows.
 */
const TITLE_INDEX_LIMIT = 400;

interface TitleRow {
  id: string;
  title: string;
  updated_at: number;
}

const TITLE_FILTER = `AND c.title LIKE ? ESCAPE '\\'`;

/** Conversations whose title holds every term, pinned first, then newest (the sidebar's order). */
export function createTitleSearch(db: Database.Database): (long: string[], short: string[], limit: number) => SearchGroup[] {
  const indexed = db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM conversations_title_fts WHERE conversations_title_fts MATCH ? LIMIT ?)`);
  const fromIndex = preparedByCount(
    db,
    TITLE_FILTER,
    (filters) => `SELECT c.id, c.title, c.updated_at FROM conversations c
      WHERE c.rowid IN (SELECT rowid FROM conversations_title_fts WHERE conversations_title_fts MATCH ?)
        AND c.deleted_at IS NULL ${filters}
      ORDER BY c.pinned DESC, c.updated_at DESC, c.id DESC LIMIT ?`,
  );
  // The list index carries the title: this reads the index alone, never the rows.
  const inListOrder = preparedByCount(
    db,
    TITLE_FILTER,
    (filters) => `SELECT c.id, c.title, c.updated_at FROM conversations c
      WHERE c.deleted_at IS NULL ${filters} ORDER BY c.pinned DESC, c.updated_at DESC, c.id DESC LIMIT ?`,
  );

  return (long, short, limit) => {
    const terms = [...long, ...short];
    let rows: TitleRow[];
    const match = long.length > 0 ? toMatchExpression(long) : null;
    if (match !== null && (indexed.get(match, TITLE_INDEX_LIMIT + 1) as { n: number }).n <= TITLE_INDEX_LIMIT) {
      rows = fromIndex(short.length).all(match, ...short.map(toLikePattern), limit) as TitleRow[];
    } else {
      rows = inListOrder(terms.length).all(...terms.map(toLikePattern), limit) as TitleRow[];
    }
    return rows.map((row) => ({
      conversationId: row.id,
      title: row.title,
      updatedAt: row.updated_at,
      titleSnippet: buildSnippet(row.title, terms),
      hits: [],
    }));
  };
}
