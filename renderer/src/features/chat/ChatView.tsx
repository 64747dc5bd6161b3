import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GearIcon } from '../../ui/icons';
import { openConversation } from '../../state/conversation-actions';
import { useChatStore } from '../../state/chat-store';
import { useConversationsStore } from '../../state/conversations-store';
import { ComposerContainer } from '../composer/ComposerContainer';
import { ConversationSettingsDialog } from './ConversationSettingsDialog';
import { ConversationTotals } from './ConversationTotals';
import { MessageList } from './MessageList';
import { ModelPicker } from '../model-picker/ModelPicker';
import { Welcome } from './Welcome';

function ChatHeader() {
  const { t } = useTranslation();
  const openId = useChatStore((s) => s.openId);
  const summary = useConversationsStore((s) => s.list.find((c) => c.id === openId));
  const [settingsOpen, setSettingsOpen] = useState(false);
  if (!openId) {
    return (
      <header className="chat-header">
        <ModelPicker conversation={null} />
      </header>
    );
  }
  return (
    <header className="chat-header">
      <h1 className="chat-title">{summary?.title || t('sidebar.untitled')}</h1>
      <ModelPicker conversation={summary ?? null} />
      <ConversationTotals />
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
  return (
    <main className="chat">
      <ChatHeader />
      <ChatBody />
      <ComposerContainer />
    </main>
  );
}
