import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Assistant, Prompt } from '../../../../shared/schemas';
import { Modal } from '../../ui/Modal';
import { deleteAssistant, deletePrompt, setDefaultAssistant, useAssistantsStore } from './assistants-store';
import { AssistantForm } from './AssistantForm';
import { PromptForm } from './PromptForm';

type Tab = 'assistants' | 'prompts';
type Editing = { kind: 'assistant'; value: Assistant | null } | { kind: 'prompt'; value: Prompt | null } | null;

/** Assistants (built-in and own: edit, delete, default) and the prompt library, in one dialog. */
export function AssistantsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('assistants');
  const [editing, setEditing] = useState<Editing>(null);
  const [status, setStatus] = useState('');
  const assistants = useAssistantsStore((s) => s.assistants);
  const prompts = useAssistantsStore((s) => s.prompts);
  const defaultId = useAssistantsStore((s) => s.defaultId);
  const run = (action: Promise<unknown>, done: string) =>
    void action.then(
      () => setStatus(done),
      (err: unknown) => setStatus(t('branch.failed', { message: err instanceof Error ? err.message : String(err) })),
    );

  return (
    <Modal title={t('rich.assistants.title')} onClose={onClose} closeLabel={t('common.close')} className="assistants-dialog">
      <div className="modal-body settings-body">
        <div className="assistants-tabs" role="tablist" aria-label={t('rich.assistants.title')}>
          {(['assistants', 'prompts'] as const).map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              className={`assistants-tab${tab === id ? ' is-active' : ''}`}
              onClick={() => {
                setTab(id);
                setEditing(null);
              }}
            >
              {t(`rich.assistants.tab.${id}`)}
            </button>
          ))}
        </div>
        <div role="tabpanel" aria-label={t(`rich.assistants.tab.${tab}`)}>
          {editing?.kind === 'assistant' && (
            <AssistantForm initial={editing.value} onDone={(message) => { setEditing(null); setStatus(message); }} onCancel={() => setEditing(null)} />
          )}
          {editing?.kind === 'prompt' && (
            <PromptForm initial={editing.value} onDone={(message) => { setEditing(null); setStatus(message); }} onCancel={() => setEditing(null)} />
          )}
          {!editing && tab === 'assistants' && (
            <>
              <button type="button" className="button button-primary" onClick={() => setEditing({ kind: 'assistant', value: null })}>
                {t('rich.assistants.new')}
              </button>
              <ul className="assistants-list">
                {assistants.map((a) => (
                  <li key={a.id} className="assistants-row">
                    <span className="assistant-avatar" aria-hidden="true">
                      {a.avatar || '🤖'}
                    </span>
                    <span className="assistants-row-name">
                      {a.name}
                      {a.builtin && <span className="assistant-badge">{t('rich.assistants.builtin')}</span>}
                      {a.id === defaultId && <span className="assistant-badge">{t('rich.assistants.default')}</span>}
                    </span>
                    <button type="button" className="button button-secondary button-small" onClick={() => setEditing({ kind: 'assistant', value: a })} aria-label={t(a.builtin ? 'rich.assistants.copyOf' : 'rich.assistants.editOf', { name: a.name })}>
                      {a.builtin ? t('rich.assistants.copy') : t('rich.assistants.edit')}
                    </button>
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      aria-label={t(a.id === defaultId ? 'rich.assistants.unsetDefaultOf' : 'rich.assistants.setDefaultOf', { name: a.name })}
                      onClick={() => run(setDefaultAssistant(a.id === defaultId ? null : a.id), t('rich.assistants.defaultSaved'))}
                    >
                      {a.id === defaultId ? t('rich.assistants.unsetDefault') : t('rich.assistants.setDefault')}
                    </button>
                    {!a.builtin && (
                      <button type="button" className="button button-secondary button-small" aria-label={t('rich.assistants.deleteOf', { name: a.name })} onClick={() => run(deleteAssistant(a.id), t('rich.assistants.deleted'))}>
                        {t('rich.assistants.delete')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          {!editing && tab === 'prompts' && (
            <>
              <p className="field-help">{t('rich.prompts.hint')}</p>
              <button type="button" className="button button-primary" onClick={() => setEditing({ kind: 'prompt', value: null })}>
                {t('rich.prompts.new')}
              </button>
              <ul className="assistants-list">
                {prompts.map((p) => (
                  <li key={p.id} className="assistants-row">
                    <span className="assistants-row-name">
                      {p.title}
                      {p.builtin && <span className="assistant-badge">{t('rich.assistants.builtin')}</span>}
                    </span>
                    <button type="button" className="button button-secondary button-small" onClick={() => setEditing({ kind: 'prompt', value: p })} aria-label={t(p.builtin ? 'rich.assistants.copyOf' : 'rich.assistants.editOf', { name: p.title })}>
                      {p.builtin ? t('rich.assistants.copy') : t('rich.assistants.edit')}
                    </button>
                    {!p.builtin && (
                      <button type="button" className="button button-secondary button-small" aria-label={t('rich.assistants.deleteOf', { name: p.title })} onClick={() => run(deletePrompt(p.id), t('rich.assistants.deleted'))}>
                        {t('rich.assistants.delete')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
        <p className="field-help" role="status">
          {status}
        </p>
      </div>
    </Modal>
  );
}
