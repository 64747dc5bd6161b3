import type { ConversationSummary } from '../../../../shared/schemas';

export type DateGroup = 'today' | 'yesterday' | 'week' | 'month' | 'older';
/** Pinned conversations form their own group on top, whatever their dates. */
export type SidebarGroup = 'pinned' | DateGroup;

const DAY = 24 * 60 * 60 * 1000;

/** Which date bucket a last-activity time falls in, counted from the start of today (local time). */
export function dateGroupOf(time: number, now: Date = new Date()): DateGroup {
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  if (time >= startOfToday) return 'today';
  if (time >= startOfToday - DAY) return 'yesterday';
  if (time >= startOfToday - 7 * DAY) return 'week';
  if (time >= startOfToday - 30 * DAY) return 'month';
  return 'older';
}

/** Buckets a sidebar-ordered list (pinned first, then newest), keeping the order inside each bucket. */
export function groupByDate(list: readonly ConversationSummary[], now: Date = new Date()) {
  const groups: { group: SidebarGroup; items: ConversationSummary[] }[] = [];
  for (const c of list) {
    const group: SidebarGroup = c.pinned ? 'pinned' : dateGroupOf(c.updatedAt, now);
    const last = groups[groups.length - 1];
    if (last?.group === group) last.items.push(c);
    else groups.push({ group, items: [c] });
  }
  return groups;
}

export type SidebarRow =
  | { kind: 'header'; key: string; group: SidebarGroup; first: boolean }
  | { kind: 'conversation'; key: string; conversation: ConversationSummary };

/** The flat rows the virtual list renders: each group's header is a row of its own. */
export function sidebarRows(list: readonly ConversationSummary[], now: Date = new Date()): SidebarRow[] {
  const rows: SidebarRow[] = [];
  const seen = new Map<SidebarGroup, number>();
  for (const { group, items } of groupByDate(list, now)) {
    const n = seen.get(group) ?? 0;
    seen.set(group, n + 1);
    rows.push({ kind: 'header', key: `group:${group}:${n}`, group, first: rows.length === 0 });
    for (const c of items) rows.push({ kind: 'conversation', key: c.id, conversation: c });
  }
  return rows;
}
