import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../../shared/schemas';
import { compareConversations, mergePage, upsertConversation } from './conversation-list';
import { sidebarRows } from '../features/sidebar/group-by-date';

const conv = (id: string, updatedAt: number, pinned?: boolean): ConversationSummary => ({
  id,
  title: id,
  createdAt: 0,
  updatedAt,
  connectionId: null,
  model: null,
  ...(pinned === undefined ? {} : { pinned }),
});
const ids = (list: readonly ConversationSummary[]) => list.map((c) => c.id);

describe('sidebar order', () => {
  it('puts pinned first, then newest, then id descending (the server order)', () => {
    const list = [conv('a', 5), conv('b', 9), conv('c', 1, true), conv('d', 5)].sort(compareConversations);
    expect(ids(list)).toEqual(['c', 'b', 'd', 'a']);
  });
});

describe('mergePage', () => {
  it('appends a page and keeps one copy per id', () => {
    const first = mergePage([], [conv('p', 1, true), conv('x', 30), conv('y', 20)]);
    const merged = mergePage(first, [conv('y', 20), conv('z', 10)]);
    expect(ids(merged)).toEqual(['p', 'x', 'y', 'z']);
  });

  it('keeps a newer live copy over the page’s older one', () => {
    const live = [conv('y', 99)];
    expect(mergePage(live, [conv('y', 20)])[0]?.updatedAt).toBe(99);
  });

  it('leaves out ids hidden for undo', () => {
    expect(ids(mergePage([], [conv('x', 2), conv('y', 1)], new Set(['x'])))).toEqual(['y']);
  });
});

describe('upsertConversation', () => {
  const loaded = [conv('p', 1, true), conv('a', 30), conv('b', 20), conv('c', 10)];

  it('moves an updated conversation to the top of the unpinned ones', () => {
    expect(ids(upsertConversation(loaded, conv('c', 40)))).toEqual(['p', 'c', 'a', 'b']);
  });

  it('inserts a conversation that was not paged in yet where it belongs', () => {
    expect(ids(upsertConversation(loaded, conv('n', 15)))).toEqual(['p', 'a', 'b', 'n', 'c']);
  });

  it('keeps the pin when an update does not say', () => {
    const next = upsertConversation(loaded, conv('p', 50));
    expect(next[0]).toMatchObject({ id: 'p', pinned: true, updatedAt: 50 });
  });

  it('returns the same list for an unchanged copy (nothing re-renders), a new one for any change', () => {
    expect(upsertConversation(loaded, conv('a', 30))).toBe(loaded);
    // An update that does not say whether it is pinned keeps the known pin: unchanged too.
    expect(upsertConversation(loaded, conv('p', 50))).not.toBe(loaded);
    const pinned = loaded.find((c) => c.id === 'p')!;
    expect(upsertConversation(loaded, { ...pinned, pinned: undefined })).toBe(loaded);
    expect(upsertConversation(loaded, { ...conv('a', 30), activeLeafId: 'm2' })).not.toBe(loaded);
    expect(upsertConversation(loaded, { ...conv('a', 30), title: 'Renamed' })).not.toBe(loaded);
  });

  it('moves a newly pinned conversation into the pinned group', () => {
    expect(ids(upsertConversation(loaded, conv('c', 10, true)))).toEqual(['c', 'p', 'a', 'b']);
  });
});

describe('sidebarRows', () => {
  const now = new Date(2026, 10, 27, 15, 0, 0);
  const at = (daysAgo: number, hour = 12) => new Date(2026, 10, 27 - daysAgo, hour).getTime();

  it('makes a header row per group: pinned, today, yesterday, 7 days, 30 days, older', () => {
    const list = [
      conv('pin', at(100), true),
      conv('t', at(0, 1)),
      conv('y', at(1, 23)),
      conv('w', at(6)),
      conv('m', at(29)),
      conv('o', at(31)),
    ];
    const rows = sidebarRows(list, now);
    expect(rows.map((r) => (r.kind === 'header' ? `#${r.group}` : r.conversation.id))).toEqual([
      '#pinned', 'pin', '#today', 't', '#yesterday', 'y', '#week', 'w', '#month', 'm', '#older', 'o',
    ]);
    expect(rows.filter((r) => r.kind === 'header' && r.first)).toHaveLength(1);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('counts yesterday from local midnight', () => {
    const rows = sidebarRows([conv('late', new Date(2026, 10, 26, 23, 59).getTime())], now);
    expect(rows[0]).toMatchObject({ kind: 'header', group: 'yesterday' });
  });
});
