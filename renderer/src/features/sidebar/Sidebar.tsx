import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../../../shared/schemas';
import { useAppStore } from '../../state/app-store';
import { useChatStore } from '../../state/chat-store';
import { startNewChat } from '../../state/conversation-actions';
import { useConversationsStore } from '../../state/conversations-store';
import { GearIcon, LogoMark, PlusIcon } from '../../ui/icons';
import { ConfirmDeleteDialog } from './ConfirmDeleteDialog';
import { ConversationItem } from './ConversationItem';
import { groupByDate } from './group-by-date';

/** Brand, New chat, the conversation list (newest first, grouped by day) and Settings. */
export function Sidebar() {
  const { t } = useTranslation();
  const list = useConversationsStore((s) => s.list);
  const loaded = useConversationsStore((s) => s.loaded);
  const openId = useChatStore((s) => s.openId);
  const openSettings = useAppStore((s) => s.openSettings);
  const [deleting, setDeleting] = useState<ConversationSummary | null>(null);
  const groups = useMemo(() => groupByDate(list), [list]);
  const onDelete = useCallback((c: ConversationSummary) => setDeleting(c), []);

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
      <div className="conv-scroller">
        {loaded && list.length === 0 && <p className="sidebar-empty">{t('sidebar.empty')}</p>}
        {groups.map(({ group, items }) => (
          <section className="conv-group" key={group} aria-labelledby={`conv-group-${group}`}>
            <h2 className="conv-group-title" id={`conv-group-${group}`}>
              {t(`sidebar.groups.${group}`)}
            </h2>
            <ul className="conv-list">
              {items.map((c) => (
                <ConversationItem key={c.id} conversation={c} active={c.id === openId} onDelete={onDelete} />
              ))}
            </ul>
          </section>
        ))}
      </div>
      <div className="sidebar-footer">
        <button type="button" className="button button-ghost sidebar-settings" onClick={openSettings}>
          <GearIcon width={16} height={16} />
          <span>{t('sidebar.settings')}</span>
        </button>
      </div>
      {deleting && <ConfirmDeleteDialog conversation={deleting} onClose={() => setDeleting(null)} />}
    </nav>
  );
}
