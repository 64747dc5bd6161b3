import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Assistant } from '../../../../shared/schemas';
import { useAppStore } from '../../state/app-store';
import { Field } from '../../ui/Field';
import { EffortField, type Effort } from '../model-picker/EffortField';
import { saveAssistant } from './assistants-store';
import { FormFooter } from './FormFooter';

const num = (text: string): number | null => (text.trim() === '' || !Number.isFinite(Number(text)) ? null : Number(text));
const str = (n: number | null) => (n === null ? '' : String(n));

/** Creates or edits an assistant; a built-in is saved as the user's own copy. */
export function AssistantForm({ initial, onDone, onCancel }: { initial: Assistant | null; onDone(message: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const connections = useAppStore((s) => s.connections);
  const [f, setF] = useState(() => ({
    name: initial ? (initial.builtin ? t('rich.assistants.copyName', { name: initial.name }) : initial.name) : '',
    avatar: initial?.avatar ?? '🤖',
    systemPrompt: initial?.systemPrompt ?? '',
    connectionId: initial?.connectionId ?? '',
    model: initial?.model ?? '',
    temperature: str(initial?.temperature ?? null),
    topP: str(initial?.topP ?? null),
    maxTokens: str(initial?.maxTokens ?? null),
    reasoningEffort: (initial?.reasoningEffort ?? '') as Effort | '',
    contextMessages: str(initial?.contextMessages ?? null),
  }));
  const [error, setError] = useState('');
  const set = (key: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [key]: e.target.value }));
  const save = async () => {
    try {
      await saveAssistant({
        ...(initial && !initial.builtin ? { id: initial.id } : {}),
        name: f.name.trim(),
        avatar: f.avatar.trim().slice(0, 16),
        systemPrompt: f.systemPrompt,
        connectionId: f.connectionId || null,
        model: f.model.trim() || null,
        temperature: num(f.temperature),
        topP: num(f.topP),
        maxTokens: num(f.maxTokens),
        reasoningEffort: (f.reasoningEffort || null) as Assistant['reasoningEffort'],
        contextMessages: num(f.contextMessages),
      });
      onDone(t('rich.assistants.saved', { name: f.name.trim() }));
    } catch (err) {
      setError(t('branch.failed', { message: err instanceof Error ? err.message : String(err) }));
    }
  };
  const input = (key: keyof typeof f, label: string, attrs: Record<string, unknown> = {}) => (
    <Field label={label}>{({ id }) => <input id={id} className="input" value={f[key]} onChange={set(key)} {...attrs} />}</Field>
  );
  return (
    <form
      className="settings-form assistant-form"
      aria-label={initial && !initial.builtin ? t('rich.assistants.editOf', { name: initial.name }) : t('rich.assistants.new')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="assistant-form-head">
        {input('avatar', t('rich.assistants.avatar'), { maxLength: 16, className: 'input assistant-avatar-input' })}
        {input('name', t('rich.assistants.name'), { required: true, maxLength: 100 })}
      </div>
      <Field label={t('rich.assistants.systemPrompt')}>
        {({ id }) => <textarea id={id} className="input" rows={5} value={f.systemPrompt} onChange={set('systemPrompt')} />}
      </Field>
      <div className="settings-grid">
        <Field label={t('rich.assistants.connection')}>
          {({ id }) => (
            <select id={id} className="input" value={f.connectionId} onChange={set('connectionId')}>
              <option value="">{t('rich.assistants.anyConnection')}</option>
              {connections.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {input('model', t('rich.assistants.model'), { className: 'input input-mono', placeholder: t('rich.assistants.modelDefault') })}
      </div>
      <div className="settings-grid">
        {input('temperature', t('branch.temperature'), { type: 'number', min: 0, max: 2, step: 0.1 })}
        {input('topP', t('branch.topP'), { type: 'number', min: 0, max: 1, step: 0.05 })}
        {input('maxTokens', t('branch.maxTokens'), { type: 'number', min: 1, step: 1 })}
        {input('contextMessages', t('branch.contextMessages'), { type: 'number', min: 1, max: 1000, step: 1 })}
        <EffortField value={f.reasoningEffort} onChange={(v) => setF((x) => ({ ...x, reasoningEffort: v }))} />
      </div>
      <p className="field-help">{t('branch.paramHint')}</p>
      <FormFooter error={error} onCancel={onCancel} submitLabel={t('rich.assistants.save')} disabled={!f.name.trim()} />
    </form>
  );
}
