import type { ConversationSummary } from '../../../../shared/schemas';

export type DateGroup = 'today' | 'yesterday' | 'week' | 'month' | 'older';

const DAY = 24 * 60 * 60 * 1000;

/** Buckets a newest-first list by last activity, keeping the order inside each bucket. */
export function groupByDate(list: readonly ConversationSummary[], now: Date = new Date()) {
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  const bucket = (t: number): DateGroup =>
    t >= startOfToday
      ? 'today'
      : t >= startOfToday - DAY
        ? 'yesterday'
        : t >= startOfToday - 7 * DAY
          ? 'week'
          : t >= startOfToday - 30 * DAY
            ? 'month'
            : 'older';
  const groups: { group: DateGroup; items: ConversationSummary[] }[] = [];
  for (const c of list) {
    const group = bucket(c.updatedAt);
    const last = groups[groups.length - 1];
    if (last?.group === group) last.items.push(c);
    else groups.push({ group, items: [c] });
  }
  return groups;
}
