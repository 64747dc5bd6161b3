import type Database from 'libsql';
import { writeReturning } from './transaction';
import type { ConversationSummary, SearchResult } from '../../../shared/schemas';
import { parsePageCursor } from '../../../shared/paging';
import { CONVERSATION_COLUMNS, toConversation, type ConversationRow } from './rows';
import { createSearch } from './search';
import { toLikePattern } from './search-text';
import { preparedByCount } from './prepared-by-count';

/** Soft-deleted conversations are kept this long for undo, then purged (at start-up). */
const TRASH_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

type PagedRow = ConversationRow & { pinned: number };
const toPaged = (row: PagedRow): ConversationSummary => ({ ...toConversation(row), pinned: row.pinned === 1 });

/** Sidebar paging, pins, the trash (soft delete with undo) and search. */
export function createLibraryStore(db: Database.Database, now: () => number, live: () => void) {
  const columns = `${CONVERSATION_COLUMNS}, pinned`;
  const sql = {
    firstPage: db.prepare(
      `SELECT ${columns} FROM conversations WHERE deleted_at IS NULL
       ORDER BY pinned DESC, updated_at DESC, id DESC LIMIT ?`,
    ),
    // Row values walk the conversations_list index from the cursor on: a page costs the same at any depth.
    nextPage: db.prepare(
      `SELECT ${columns} FROM conversations WHERE deleted_at IS NULL
         AND (pinned, updated_at, id) < (?, ?, ?)
       ORDER BY pinned DESC, updated_at DESC, id DESC LIMIT ?`,
    ),
    setPinned: db.prepare(
      `UPDATE conversations SET pinned = ? WHERE id = ? AND deleted_at IS NULL RETURNING ${columns}`,
    ),
    softDelete: db.prepare('UPDATE conversations SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL'),
    restore: db.prepare(
      `UPDATE conversations SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL RETURNING ${columns}`,
    ),
    purge: db.prepare('DELETE FROM conversations WHERE deleted_at IS NOT NULL AND deleted_at <= ?'),
    isDeleted: db.prepare('SELECT deleted_at FROM conversations WHERE id = ?'),
  };
  const index = createSearch(db);
  /** Conversations whose title contains every term (ASCII case-insensitive), in sidebar order. */
  const titleFilter = preparedByCount(
    db,
    `AND title LIKE ? ESCAPE '\\'`,
    (filters) => `SELECT ${columns} FROM conversations WHERE deleted_at IS NULL ${filters} ORDER BY pinned DESC, updated_at DESC, id DESC LIMIT ?`,
  );
  // LIMIT -1: no limit (the legacy `conversations.list {}` call gets everything).
  const ALL = -1;

  return {
    listConversationsPage(page: { cursor?: string | undefined; limit?: number | undefined } = {}): ConversationSummary[] {
      live();
      const limit = page.limit ?? ALL;
      if (page.cursor === undefined) return (sql.firstPage.all(limit) as PagedRow[]).map(toPaged);
      const key = parsePageCursor(page.cursor);
      if (!key) return [];
      return (sql.nextPage.all(key.pinned, key.updatedAt, key.id, limit) as PagedRow[]).map(toPaged);
    },
    /** The sidebar's title filter: every whitespace-separated term must be in the title. */
    findByTitle(text: string, limit: number): ConversationSummary[] {
      live();
      const terms = [...new Set(text.trim().split(/\s+/u).filter(Boolean))].slice(0, 8);
      if (terms.length === 0) return [];
      return (titleFilter(terms.length).all(...terms.map(toLikePattern), limit) as PagedRow[]).map(toPaged);
    },
    setPinned(id: string, pinned: boolean): ConversationSummary | null {
      live();
      const row = writeReturning(sql.setPinned, pinned ? 1 : 0, id) as PagedRow | undefined;
      return row ? toPaged(row) : null;
    },
    /** Hides the conversation (sidebar, search) until restored or purged. False when missing or already deleted. */
    softDeleteConversation(id: string): boolean {
      live();
      return sql.softDelete.run(now(), id).changes > 0;
    },
    restoreConversation(id: string): ConversationSummary | null {
      live();
      const row = writeReturning(sql.restore, id) as PagedRow | undefined;
      return row ? toPaged(row) : null;
    },
    isConversationDeleted(id: string): boolean {
      live();
      const row = sql.isDeleted.get(id) as { deleted_at: number | null } | undefined;
      return row !== undefined && row.deleted_at !== null;
    },
    /** Deletes for good what was soft-deleted at or before `before`. Returns how many conversations. */
    purgeDeleted(before: number = now() - TRASH_RETENTION_MS): number {
      live();
      return sql.purge.run(before).changes;
    },
    search(text: string, limit?: number): SearchResult {
      live();
      return index.search(text, limit);
    },
  };
}

export type LibraryStore = ReturnType<typeof createLibraryStore>;
