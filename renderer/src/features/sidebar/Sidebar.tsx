import { useCallback, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { ConversationSummary } from '../../../../shared/schemas';
import { useAppStore } from '../../state/app-store';
import {
  deleteConversation,
  forgetHiddenConversation,
  loadMoreConversations,
  restoreConversation,
  startNewChat,
} from '../../state/conversation-actions';
import { useConversationsStore } from '../../state/conversations-store';
import { toggleSidebar } from '../../state/settings-actions';
import { setSearchOpen, setShortcutListOpen } from '../../state/ui-store';
import { GearIcon, KeyboardIcon, LogoMark, PlusIcon, SearchIcon, SidebarIcon } from '../../ui/icons';
import { useShortcutHint, withShortcut } from '../shortcuts/use-shortcuts';
import { ConversationList, focusConversationList } from './ConversationList';
import { UndoToast, type PendingUndo } from './UndoToast';
import { useTitleFilter } from './use-title-filter';

/** Ask for the next page when the last rendered row is this close to the end. */
const LOAD_AHEAD_ROWS = 30;

/** The button that hides the sidebar, or (in the chat header) brings it back. */
export function SidebarToggle({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  const hint = useShortcutHint('toggleSidebar');
  const label = collapsed ? t('sidebar.expand') : t('sidebar.collapse');
  return (
    <button
      type="button"
      className="icon-button sidebar-toggle"
      aria-label={label}
      aria-expanded={!collapsed}
      aria-controls="sidebar"
      aria-keyshortcuts={hint.aria}
      title={withShortcut(label, hint)}
      onClick={() => void toggleSidebar().catch(() => {})}
    >
      <SidebarIcon width={18} height={18} />
    </button>
  );
}

/** Brand, New chat, the title filter, the conversation list (pinned, then by day; virtual and paged) and Settings. */
export function Sidebar() {
  const { t } = useTranslation();
  const list = useConversationsStore((s) => s.list);
  const loaded = useConversationsStore((s) => s.loaded);
  const hasMore = useConversationsStore((s) => s.hasMore);
  const loadingMore = useConversationsStore((s) => s.loadingMore);
  const openSettings = useAppStore((s) => s.openSettings);
  const [filter, setFilter] = useState('');
  const matches = useTitleFilter(filter);
  const undoButton = useRef<HTMLButtonElement>(null);
  const listBox = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState<PendingUndo | null>(null);
  const hints = { newChat: useShortcutHint('newChat'), search: useShortcutHint('search'), settings: useShortcutHint('settings'), list: useShortcutHint('shortcutList') };

  const onRangeEnd = useCallback(
    (lastIndex: number, rows: number) => {
      if (matches === null && loaded && hasMore && !loadingMore && lastIndex >= rows - LOAD_AHEAD_ROWS) {
        void loadMoreConversations().catch(() => {});
      }
    },
    [matches, loaded, hasMore, loadingMore],
  );

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

  const shown = matches ?? list;
  return (
    <nav id="sidebar" className="sidebar" aria-label={t('sidebar.label')}>
      <div className="sidebar-brand">
        <LogoMark />
        <span className="sidebar-name">{t('app.name')}</span>
        <SidebarToggle collapsed={false} />
      </div>
      <button type="button" className="button button-primary new-chat" onClick={startNewChat} title={withShortcut(t('sidebar.newChat'), hints.newChat)} aria-keyshortcuts={hints.newChat.aria}>
        <PlusIcon width={16} height={16} />
        <span>{t('sidebar.newChat')}</span>
      </button>
      <div className="sidebar-filter" role="search">
        <SearchIcon width={15} height={15} className="sidebar-filter-icon" />
        <input
          className="input sidebar-filter-input"
          type="search"
          aria-label={t('sidebar.filter')}
          placeholder={t('sidebar.filterPlaceholder')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={(e) => {
            if (e.nativeEvent.isComposing) return;
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              focusConversationList(listBox.current);
            } else if (e.key === 'Escape' && filter) {
              // Claimed here, so the global "Esc stops the reply" leaves it alone.
              e.preventDefault();
              setFilter('');
            }
          }}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <button
        type="button"
        className="button button-ghost button-small sidebar-search-all"
        onClick={() => setSearchOpen(true, filter)}
        aria-keyshortcuts={hints.search.aria}
        title={withShortcut(t('sidebar.searchMessages'), hints.search)}
      >
        <span>{t('sidebar.searchMessages')}</span>
        <kbd className="kbd">{hints.search.label}</kbd>
      </button>
      {loaded && list.length === 0 && matches === null && <p className="sidebar-empty">{t('sidebar.empty')}</p>}
      {matches !== null && matches.length === 0 && (
        <p className="sidebar-empty" role="status">
          {t('sidebar.noMatches', { query: filter.trim() })}
        </p>
      )}
      <ConversationList list={shown} onDelete={onDelete} onRangeEnd={onRangeEnd} listRef={listBox} busy={loadingMore} />
      <UndoToast pending={pending} undoButton={undoButton} onUndo={onUndo} onExpire={onExpire} />
      <div className="sidebar-footer">
        <button type="button" className="button button-ghost sidebar-settings" onClick={() => openSettings()} title={withShortcut(t('sidebar.settings'), hints.settings)} aria-keyshortcuts={hints.settings.aria}>
          <GearIcon width={16} height={16} />
          <span>{t('sidebar.settings')}</span>
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={() => setShortcutListOpen(true)}
          aria-label={t('sidebar.shortcuts')}
          title={withShortcut(t('sidebar.shortcuts'), hints.list)}
          aria-keyshortcuts={hints.list.aria}
        >
          <KeyboardIcon width={18} height={18} />
        </button>
      </div>
    </nav>
  );
}
