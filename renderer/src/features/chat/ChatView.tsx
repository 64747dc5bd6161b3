import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { GearIcon, SearchIcon } from '../../ui/icons';
import { useAppStore } from '../../state/app-store';
import { openFind, useUiStore } from '../../state/ui-store';
import { ExportConversationButton } from '../data/ExportConversationButton';
import { FindBar } from '../find/FindBar';
import { useShortcutHint, withShortcut } from '../shortcuts/use-shortcuts';
import { SidebarToggle } from '../sidebar/Sidebar';
import { openConversation } from '../../state/conversation-actions';
import { useChatStore } from '../../state/chat-store';
import { useConversationsStore } from '../../state/conversations-store';
import { ComposerContainer } from '../composer/ComposerContainer';
import { ConversationSettingsDialog } from './ConversationSettingsDialog';
import { ConversationTotals } from './ConversationTotals';
import { MessageList } from './MessageList';
import { ModelPicker } from '../model-picker/ModelPicker';
import { Welcome } from './Welcome';

function FindButton() {
  const { t } = useTranslation();
  const hint = useShortcutHint('find');
  return (
    <button type="button" className="icon-button" onClick={openFind} aria-label={t('find.label')} title={withShortcut(t('find.label'), hint)} aria-keyshortcuts={hint.aria}>
      <SearchIcon width={16} height={16} />
    </button>
  );
}

function ChatHeader() {
  const { t } = useTranslation();
  const openId = useChatStore((s) => s.openId);
  const summary = useConversationsStore((s) => s.list.find((c) => c.id === openId));
  const collapsed = useAppStore((s) => !!s.prefs?.sidebarCollapsed);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const toggle = collapsed && <SidebarToggle collapsed />;
  if (!openId) {
    return (
      <header className="chat-header">
        {toggle}
        <ModelPicker conversation={null} />
      </header>
    );
  }
  return (
    <header className="chat-header">
      {toggle}
      <h1 className="chat-title">{summary?.title || t('sidebar.untitled')}</h1>
      <ModelPicker conversation={summary ?? null} />
      <ConversationTotals />
      <FindButton />
      <ExportConversationButton conversationId={openId} />
      <button
        type="button"
        className="icon-button chat-header-settings"
        onClick={() => setSettingsOpen(true)}
        aria-label={t('branch.settingsButton')}
        title={t('branch.settingsButton')}
      >
        <GearIcon width={16} height={16} />
      </button>
      {settingsOpen && <ConversationSettingsDialog key={openId} conversationId={openId} onClose={() => setSettingsOpen(false)} />}
    </header>
  );
}

function ChatBody() {
  const { t } = useTranslation();
  const openId = useChatStore((s) => s.openId);
  const load = useChatStore((s) => s.load);
  const empty = useChatStore((s) => s.messages.length === 0);

  if (!openId && empty) return <Welcome />;
  if (load === 'error') {
    return (
      <div className="chat-placeholder" role="alert">
        <p>{t('chat.loadFailed')}</p>
        <button type="button" className="button button-secondary" onClick={() => openId && void openConversation(openId)}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (load === 'loading' && empty) {
    return (
      <div className="chat-placeholder" role="status">
        {t('chat.loading')}
      </div>
    );
  }
  return <MessageList />;
}

/** The main column: title, messages (or the welcome screen), composer. */
export function ChatView() {
  const findOpen = useUiStore((s) => s.findOpen);
  const hasConversation = useChatStore((s) => s.openId !== null);
  return (
    <main className="chat">
      <ChatHeader />
      {findOpen && hasConversation && <FindBar />}
      <ChatBody />
      <ComposerContainer />
    </main>
  );
}
