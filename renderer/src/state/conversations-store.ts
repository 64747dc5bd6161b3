import { create } from 'zustand';
import type { ConversationSummary } from '../../../shared/schemas';

interface ConversationsState {
  list: ConversationSummary[];
  loaded: boolean;
  setAll(list: ConversationSummary[]): void;
  upsert(summary: ConversationSummary): void;
  remove(id: string): void;
}

const newestFirst = (a: ConversationSummary, b: ConversationSummary) => b.updatedAt - a.updatedAt;

export const useConversationsStore = create<ConversationsState>()((set) => ({
  list: [],
  loaded: false,
  setAll: (list) => set({ list: [...list].sort(newestFirst), loaded: true }),
  upsert: (summary) =>
    set((s) => ({ list: [...s.list.filter((c) => c.id !== summary.id), summary].sort(newestFirst) })),
  remove: (id) => set((s) => ({ list: s.list.filter((c) => c.id !== id) })),
}));
