import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../../../shared/schemas';
import { useAppStore } from '../../state/app-store';
import { useChatStore } from '../../state/chat-store';
import {
  deleteConversation,
  forgetHiddenConversation,
  loadMoreConversations,
  restoreConversation,
  startNewChat,
} from '../../state/conversation-actions';
import { useConversationsStore } from '../../state/conversations-store';
import { GearIcon, LogoMark, PlusIcon } from '../../ui/icons';
import { ConversationItem } from './ConversationItem';
import { sidebarRows } from './group-by-date';
import { UndoToast, type PendingUndo } from './UndoToast';

const HEADER_HEIGHT = 30;
const ITEM_HEIGHT = 34;
/** Ask for the next page when the last rendered row is this close to the end. */
const LOAD_AHEAD_ROWS = 30;

/** Brand, New chat, the conversation list (pinned, then by day; virtual and paged) and Settings. */
export function Sidebar() {
  const { t } = useTranslation();
  const list = useConversationsStore((s) => s.list);
  const loaded = useConversationsStore((s) => s.loaded);
  const hasMore = useConversationsStore((s) => s.hasMore);
  const loadingMore = useConversationsStore((s) => s.loadingMore);
  const openId = useChatStore((s) => s.openId);
  const openSettings = useAppStore((s) => s.openSettings);
  const rows = useMemo(() => sidebarRows(list), [list]);
  const scroller = useRef<HTMLDivElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const [pending, setPending] = useState<PendingUndo | null>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; rows read the virtualizer each render.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]?.kind === 'header' ? HEADER_HEIGHT : ITEM_HEIGHT),
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (loaded && hasMore && !loadingMore && lastIndex >= rows.length - LOAD_AHEAD_ROWS) {
      void loadMoreConversations().catch(() => {});
    }
  }, [loaded, hasMore, loadingMore, lastIndex, rows.length]);

  const onDelete = useCallback((c: ConversationSummary) => {
    // Whatever an earlier toast offered is final now.
    setPending((previous) => {
      if (previous) forgetHiddenConversation(previous.id);
      return { id: c.id, token: Date.now() };
    });
    // The row is gone; focus goes to Undo, so the keyboard is never dropped on <body>.
    requestAnimationFrame(() => undoButton.current?.focus());
    void deleteConversation(c.id).catch(() => setPending((p) => (p?.id === c.id ? null : p)));
  }, []);
  const onUndo = useCallback((id: string) => {
    setPending(null);
    void restoreConversation(id).catch(() => forgetHiddenConversation(id));
  }, []);
  const onExpire = useCallback((id: string) => {
    forgetHiddenConversation(id);
    setPending((p) => (p?.id === id ? null : p));
  }, []);

  return (
    <nav className="sidebar" aria-label={t('sidebar.label')}>
      <div className="sidebar-brand">
        <LogoMark />
        <span className="sidebar-name">{t('app.name')}</span>
      </div>
      <button type="button" className="button button-primary new-chat" onClick={startNewChat}>
        <PlusIcon width={16} height={16} />
        <span>{t('sidebar.newChat')}</span>
      </button>
      <div className="conv-scroller" ref={scroller} aria-busy={loadingMore}>
        {loaded && list.length === 0 && <p className="sidebar-empty">{t('sidebar.empty')}</p>}
        <div className="conv-virtual" style={{ height: virtualizer.getTotalSize() }}>
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
                  <h2 className={`conv-group-title${row.first ? '' : ' conv-group-gap'}`}>{t(`sidebar.groups.${row.group}`)}</h2>
                ) : (
                  <ConversationItem conversation={row.conversation} active={row.conversation.id === openId} onDelete={onDelete} />
                )}
              </div>
            );
          })}
        </div>
      </div>
      <UndoToast pending={pending} undoButton={undoButton} onUndo={onUndo} onExpire={onExpire} />
      <div className="sidebar-footer">
        <button type="button" className="button button-ghost sidebar-settings" onClick={openSettings}>
          <GearIcon width={16} height={16} />
          <span>{t('sidebar.settings')}</span>
        </button>
      </div>
    </nav>
  );
}
