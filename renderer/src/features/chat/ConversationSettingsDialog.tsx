import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { ConversationSettings } from '../../../../shared/schemas';
import { updateConversationSettings } from '../../state/branch-actions';
import { useChatStore } from '../../state/chat-store';
import { Field } from '../../ui/Field';
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

  const numberField = (key: 'contextMessages' | 'temperature' | 'topP' | 'maxTokens', attrs: { min: number; max: number; step: number }) => (
    <Field label={t(`branch.${key}`)}>
      {({ id }) => <input id={id} className="input" type="number" inputMode="decimal" {...attrs} value={fields[key]} onChange={set(key)} />}
    </Field>
  );

  return (
    <Modal
      title={t('branch.settingsTitle')}
      onClose={onClose}
      className="conversation-settings"
      closeLabel={t('branch.close')}
    >
      <form
        className="modal-body settings-body"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field label={t('branch.systemPrompt')} help={t('branch.systemPromptHint')}>
          {({ id, helpId }) => <textarea id={id} className="input" rows={4} value={fields.systemPrompt} onChange={set('systemPrompt')} aria-describedby={helpId} />}
        </Field>
        {numberField('contextMessages', { min: 1, max: 1000, step: 1 })}
        <p className="field-help">{t('branch.contextHint')}</p>
        <div className="settings-grid">
          {numberField('temperature', { min: 0, max: 2, step: 0.1 })}
          {numberField('topP', { min: 0, max: 1, step: 0.05 })}
          {numberField('maxTokens', { min: 1, max: 1_000_000, step: 1 })}
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
