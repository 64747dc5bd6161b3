import { create } from 'zustand';
import type { ConversationSummary } from '../../../shared/schemas';
import { pageCursor } from '../../../shared/paging';
import { mergePage, upsertConversation } from './conversation-list';

/**
 * The sidebar's conversations, loaded page by page (pinned first, then newest). `list` holds every
 * page loaded so far plus whatever live updates and opened conversations brought in.
 */
interface ConversationsState {
  list: ConversationSummary[];
  loaded: boolean;
  /** Keyset cursor after the last page fetched; null before the first page. */
  cursor: string | null;
  hasMore: boolean;
  loadingMore: boolean;
  /** Deleted in this window and waiting for undo: kept out of the list even if a page brings them. */
  hidden: ReadonlySet<string>;
  /** The first page (a boot or a reconnect): replaces what was loaded. */
  setFirstPage(page: ConversationSummary[], limit: number): void;
  appendPage(page: ConversationSummary[], limit: number): void;
  setLoadingMore(loadingMore: boolean): void;
  /** Kept for callers that load everything at once. */
  setAll(list: ConversationSummary[]): void;
  upsert(summary: ConversationSummary): void;
  remove(id: string): void;
  hide(id: string): void;
  unhide(id: string): void;
}

const cursorAfter = (page: ConversationSummary[], fallback: string | null) => {
  const last = page[page.length - 1];
  return last ? pageCursor(last) : fallback;
};

export const useConversationsStore = create<ConversationsState>()((set) => ({
  list: [],
  loaded: false,
  cursor: null,
  hasMore: false,
  loadingMore: false,
  hidden: new Set(),
  setFirstPage: (page, limit) =>
    set((s) => ({
      list: mergePage([], page, s.hidden),
      loaded: true,
      cursor: cursorAfter(page, null),
      hasMore: page.length >= limit,
      loadingMore: false,
    })),
  appendPage: (page, limit) =>
    set((s) => ({
      list: mergePage(s.list, page, s.hidden),
      cursor: cursorAfter(page, s.cursor),
      hasMore: page.length >= limit,
      loadingMore: false,
    })),
  setLoadingMore: (loadingMore) => set({ loadingMore }),
  setAll: (list) => set((s) => ({ list: mergePage([], list, s.hidden), loaded: true, cursor: null, hasMore: false })),
  upsert: (summary) =>
    set((s) => {
      if (s.hidden.has(summary.id)) return s;
      const list = upsertConversation(s.list, summary);
      return list === s.list ? s : { list };
    }),
  remove: (id) => set((s) => ({ list: s.list.filter((c) => c.id !== id) })),
  hide: (id) => set((s) => ({ hidden: new Set([...s.hidden, id]), list: s.list.filter((c) => c.id !== id) })),
  unhide: (id) =>
    set((s) => {
      const hidden = new Set(s.hidden);
      hidden.delete(id);
      return { hidden };
    }),
}));
