import type { ConversationSummary } from '../../../shared/schemas';

/**
 * The sidebar's order, the same as `conversations.list`: pinned first, then newest activity, then id
 * (descending) so ties are stable. Pure helpers, so paging and live updates can be tested alone.
 */
export function compareConversations(a: ConversationSummary, b: ConversationSummary): number {
  const pin = Number(!!b.pinned) - Number(!!a.pinned);
  if (pin !== 0) return pin;
  if (a.updatedAt !== b.updatedAt) return b.updatedAt - a.updatedAt;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** An event's summary may not carry `pinned`; then the copy we have knows better. */
function withKnownPin(incoming: ConversationSummary, current: ConversationSummary | undefined): ConversationSummary {
  if (incoming.pinned !== undefined || current?.pinned === undefined) return incoming;
  return { ...incoming, pinned: current.pinned };
}

/**
 * Merges a fetched page into the loaded list: newer copies replace older ones by id, ids in
 * `hidden` (deleted here, waiting for undo) stay out, and the result is in sidebar order.
 */
export function mergePage(
  list: readonly ConversationSummary[],
  page: readonly ConversationSummary[],
  hidden: ReadonlySet<string> = new Set(),
): ConversationSummary[] {
  const byId = new Map(list.map((c) => [c.id, c]));
  for (const c of page) {
    if (hidden.has(c.id)) continue;
    const current = byId.get(c.id);
    // A live update may already have brought a newer copy than this page's.
    if (current && current.updatedAt > c.updatedAt) continue;
    byId.set(c.id, withKnownPin(c, current));
  }
  return [...byId.values()].sort(compareConversations);
}

/**
 * Places one updated (or new, or not yet paged-in) conversation: it moves to where the order puts it,
 * usually the top. The list stays sorted, so this is a removal plus one binary-search insert.
 */
/** Field by field: the copies are flat (strings, numbers, booleans, null). */
function sameSummary(a: ConversationSummary, b: ConversationSummary): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof ConversationSummary>;
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * The list with `summary` in its place. An unchanged copy (opening a conversation fetches its
 * summary again) returns the same list, so nothing that reads it renders again.
 */
export function upsertConversation(list: readonly ConversationSummary[], summary: ConversationSummary): ConversationSummary[] {
  const at = list.findIndex((c) => c.id === summary.id);
  const placed = withKnownPin(summary, at === -1 ? undefined : list[at]);
  if (at !== -1 && sameSummary(list[at]!, placed)) return list as ConversationSummary[];
  const next = at === -1 ? [...list] : [...list.slice(0, at), ...list.slice(at + 1)];
  let lo = 0;
  let hi = next.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareConversations(next[mid]!, placed) <= 0) lo = mid + 1;
    else hi = mid;
  }
  next.splice(lo, 0, placed);
  return next;
}
