/**
 * Keyset cursor of the sidebar list: the sort key (pinned, updatedAt, id) of the last conversation of
 * a page. `conversations.list {cursor: pageCursor(last), limit}` returns the page after it.
 */
export function pageCursor(c: { pinned?: boolean | undefined; updatedAt: number; id: string }): string {
  return `${c.pinned ? 1 : 0}:${c.updatedAt}:${c.id}`;
}

export function parsePageCursor(cursor: string): { pinned: number; updatedAt: number; id: string } | null {
  const match = /^([01]):(-?\d{1,16}):(.{1,200})$/s.exec(cursor);
  if (!match) return null;
  return { pinned: Number(match[1]), updatedAt: Number(match[2]), id: match[3] ?? '' };
}
