import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useAssistantsStore } from './assistants-store';
import { AssistantsDialog } from './AssistantsDialog';
import { useAssistantsLoaded } from './use-assistants';
import './assistants.css';

/** On the new-chat screen: pick the assistant the chat starts with, or manage assistants and prompts. */
export function AssistantGallery() {
  const { t } = useTranslation();
  useAssistantsLoaded();
  const assistants = useAssistantsStore((s) => s.assistants);
  const chosen = useAssistantsStore((s) => s.chosen ?? s.defaultId);
  const defaultId = useAssistantsStore((s) => s.defaultId);
  const [managing, setManaging] = useState(false);
  if (assistants.length === 0) return null;
  return (
    <section className="assistant-gallery" aria-labelledby="assistant-gallery-title">
      <div className="assistant-gallery-head">
        <h2 id="assistant-gallery-title" className="assistant-gallery-title">
          {t('rich.assistants.startWith')}
        </h2>
        <button type="button" className="button button-secondary button-small" onClick={() => setManaging(true)}>
          {t('rich.assistants.manage')}
        </button>
      </div>
      <ul className="assistant-cards">
        {assistants.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className={`assistant-card${chosen === a.id ? ' is-chosen' : ''}`}
              aria-pressed={chosen === a.id}
              onClick={() => {
                useAssistantsStore.getState().choose(chosen === a.id ? (a.id === defaultId ? a.id : null) : a.id);
                document.querySelector<HTMLElement>('[data-focus-fallback]')?.focus();
              }}
            >
              <span className="assistant-avatar" aria-hidden="true">
                {a.avatar || '🤖'}
              </span>
              <span className="assistant-card-text">
                <span className="assistant-card-name">{a.name}</span>
                <span className="assistant-card-prompt">{a.systemPrompt}</span>
              </span>
              {a.id === defaultId && <span className="assistant-badge">{t('rich.assistants.default')}</span>}
            </button>
          </li>
        ))}
      </ul>
      {managing && <AssistantsDialog onClose={() => setManaging(false)} />}
    </section>
  );
}
