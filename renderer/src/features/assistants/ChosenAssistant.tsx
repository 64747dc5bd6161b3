import { useTranslation } from '../../i18n/use-translation';
import { useChatStore } from '../../state/chat-store';
import { CloseIcon } from '../../ui/icons';
import { selectNewChatAssistant, useAssistantsStore } from './assistants-store';
import { useAssistantsLoaded } from './use-assistants';
import './assistants.css';

/** Above the composer of a new chat: which assistant it starts with. */
export function ChosenAssistant() {
  const { t } = useTranslation();
  useAssistantsLoaded();
  const isNew = useChatStore((s) => s.openId === null);
  const assistant = useAssistantsStore(selectNewChatAssistant);
  const chosen = useAssistantsStore((s) => s.chosen);
  if (!isNew || !assistant) return null;
  return (
    <div className="chosen-assistant" role="status">
      <span aria-hidden="true">{assistant.avatar || '🤖'}</span>
      <span>{t('rich.assistants.chattingWith', { name: assistant.name })}</span>
      {chosen && (
        <button type="button" className="icon-button" onClick={() => useAssistantsStore.getState().choose(null)} aria-label={t('rich.assistants.clear')} title={t('rich.assistants.clear')}>
          <CloseIcon width={12} height={12} />
        </button>
      )}
    </div>
  );
}
