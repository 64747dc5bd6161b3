import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { ConversationSummary } from '../../../../shared/schemas';
import { useChatStore } from '../../state/chat-store';
import { ConversationItem } from './ConversationItem';
import { sidebarRows } from './group-by-date';

const HEADER_HEIGHT = 30;
const ITEM_HEIGHT = 34;
const PAGE_STEP = 10;

interface ConversationListProps {
  list: readonly ConversationSummary[];
  onDelete(conversation: ConversationSummary): void;
  /** The last rendered row's index and the row count, so the caller can page in more. */
  onRangeEnd?(lastIndex: number, rows: number): void;
  /** Where Tab focus goes when the list is left upwards by the keyboard (the filter). */
  listRef?: RefObject<HTMLDivElement | null>;
  busy?: boolean;
}

const optionId = (id: string) => `conv-option-${id}`;

/**
 * The conversations as one listbox: pinned, then by day; virtual. One Tab stop (roving tabindex):
 * ↑ ↓ Home End PageUp PageDown move, Enter opens. The row holding the Tab stop is always rendered,
 * even when scrolled away, so Tab never lands nowhere.
 */
export function ConversationList({ list, onDelete, onRangeEnd, listRef, busy }: ConversationListProps) {
  const { t } = useTranslation();
  const openId = useChatStore((s) => s.openId);
  const rows = useMemo(() => sidebarRows(list), [list]);
  const scroller = useRef<HTMLDivElement>(null);
  const options = useMemo(() => rows.flatMap((r, i) => (r.kind === 'conversation' ? [i] : [])), [rows]);
  const [focusId, setFocusId] = useState<string | null>(null);
  // The Tab stop: the focused row if still listed, else the open conversation, else the first.
  const stopIndex = useMemo(() => {
    const find = (id: string | null) => (id ? rows.findIndex((r) => r.kind === 'conversation' && r.conversation.id === id) : -1);
    const at = find(focusId);
    if (at >= 0) return at;
    const open = find(openId);
    return open >= 0 ? open : (options[0] ?? -1);
  }, [rows, focusId, openId, options]);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (stopIndex >= 0 && !indexes.includes(stopIndex)) indexes.push(stopIndex);
      return indexes.sort((a, b) => a - b);
    },
    [stopIndex],
  );

  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; rows read the virtualizer each render.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]?.kind === 'header' ? HEADER_HEIGHT : ITEM_HEIGHT),
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 8,
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;
  useEffect(() => onRangeEnd?.(lastIndex, rows.length), [onRangeEnd, lastIndex, rows.length]);

  const focusRow = (index: number) => {
    const row = rows[index];
    if (row?.kind !== 'conversation') return;
    setFocusId(row.conversation.id);
    virtualizer.scrollToIndex(index, { align: 'auto' });
    // A row in view takes focus at once (so the next key acts on it); one scrolled in, once rendered.
    const id = optionId(row.conversation.id);
    const el = document.getElementById(id);
    if (el) el.focus();
    else requestAnimationFrame(() => document.getElementById(id)?.focus());
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || (e.target as HTMLElement).getAttribute('role') !== 'option') return;
    const at = options.indexOf(stopIndex);
    const move: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      Home: 0,
      End: options.length - 1,
      PageDown: at + PAGE_STEP,
      PageUp: at - PAGE_STEP,
    };
    const next = move[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const clamped = Math.max(0, Math.min(options.length - 1, next));
    const index = options[clamped];
    if (index !== undefined) focusRow(index);
  };

  return (
    <div className="conv-scroller" ref={scroller}>
      <div
        ref={listRef}
        className="conv-virtual"
        role="listbox"
        aria-label={t('sidebar.list')}
        aria-busy={busy}
        onKeyDown={onKeyDown}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <div
              key={item.key}
              className="conv-row"
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {row.kind === 'header' ? (
                // Visual only: a listbox may hold options only, so the day headings are not announced.
                <div className={`conv-group-title${row.first ? '' : ' conv-group-gap'}`} aria-hidden="true">
                  {t(`sidebar.groups.${row.group}`)}
                </div>
              ) : (
                <ConversationItem
                  conversation={row.conversation}
                  active={row.conversation.id === openId}
                  tabbable={item.index === stopIndex}
                  optionId={optionId(row.conversation.id)}
                  onDelete={onDelete}
                  onFocused={setFocusId}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** Moves focus into the list: the Tab stop row (used by ↓ in the filter field). */
export function focusConversationList(list: HTMLElement | null): void {
  list?.querySelector<HTMLElement>('[role="option"][tabindex="0"]')?.focus();
}
