import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSettings } from '../../../../shared/schemas';
import { updateConversationSettings } from '../../state/branch-actions';
import { useChatStore } from '../../state/chat-store';
import { CloseIcon } from '../../ui/icons';
import { Modal } from '../../ui/Modal';

type Fields = Record<keyof ConversationSettings, string>;

const toFields = (s: ConversationSettings): Fields => ({
  systemPrompt: s.systemPrompt ?? '',
  contextMessages: s.contextMessages?.toString() ?? '',
  temperature: s.temperature?.toString() ?? '',
  topP: s.topP?.toString() ?? '',
  maxTokens: s.maxTokens?.toString() ?? '',
});

const num = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/** System prompt, messages of context and sampling parameters of one conversation. */
export function ConversationSettingsDialog({ conversationId, onClose }: { conversationId: string; onClose(): void }) {
  const { t } = useTranslation();
  const ids = { prompt: useId(), context: useId(), temperature: useId(), topP: useId(), maxTokens: useId() };
  const settings = useChatStore((s) => s.settings);
  const [fields, setFields] = useState(() => toFields(settings));
  const [state, setState] = useState<'idle' | 'saved' | { error: string }>('idle');
  const set = (key: keyof Fields) => (e: { target: { value: string } }) => {
    setFields({ ...fields, [key]: e.target.value });
    setState('idle');
  };

  const save = async () => {
    try {
      await updateConversationSettings(conversationId, {
        systemPrompt: fields.systemPrompt.trim() === '' ? null : fields.systemPrompt,
        contextMessages: num(fields.contextMessages),
        temperature: num(fields.temperature),
        topP: num(fields.topP),
        maxTokens: num(fields.maxTokens),
      });
      setState('saved');
    } catch (error) {
      setState({ error: error instanceof Error ? error.message : String(error) });
    }
  };

  const numberField = (key: 'contextMessages' | 'temperature' | 'topP' | 'maxTokens', id: string, attrs: { min: number; max: number; step: number }) => (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {t(`branch.${key}`)}
      </label>
      <input id={id} className="input" type="number" inputMode="decimal" {...attrs} value={fields[key]} onChange={set(key)} />
    </div>
  );

  return (
    <Modal
      title={t('branch.settingsTitle')}
      onClose={onClose}
      className="conversation-settings"
      headerExtra={
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('branch.close')} title={t('branch.close')}>
          <CloseIcon />
        </button>
      }
    >
      <form
        className="modal-body settings-body"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="field">
          <label htmlFor={ids.prompt} className="field-label">
            {t('branch.systemPrompt')}
          </label>
          <textarea id={ids.prompt} className="input" rows={4} value={fields.systemPrompt} onChange={set('systemPrompt')} />
          <p className="field-help">{t('branch.systemPromptHint')}</p>
        </div>
        {numberField('contextMessages', ids.context, { min: 1, max: 1000, step: 1 })}
        <p className="field-help">{t('branch.contextHint')}</p>
        <div className="settings-grid">
          {numberField('temperature', ids.temperature, { min: 0, max: 2, step: 0.1 })}
          {numberField('topP', ids.topP, { min: 0, max: 1, step: 0.05 })}
          {numberField('maxTokens', ids.maxTokens, { min: 1, max: 1_000_000, step: 1 })}
        </div>
        <p className="field-help">{t('branch.paramHint')}</p>
        <div className="form-actions">
          <span role="status" className="field-help">
            {state === 'saved' ? t('branch.saved') : typeof state === 'object' ? t('branch.failed', { message: state.error }) : ''}
          </span>
          <button type="submit" className="button button-primary">
            {t('branch.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
