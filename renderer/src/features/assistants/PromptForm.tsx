import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Prompt } from '../../../../shared/schemas';
import { Field } from '../../ui/Field';
import { savePrompt } from './assistants-store';
import { FormFooter } from './FormFooter';
import { templateVariables } from './prompt-template';

/** Creates or edits a saved prompt; `{{name}}` marks what is asked when it is used. */
export function PromptForm({ initial, onDone, onCancel }: { initial: Prompt | null; onDone(message: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(initial ? (initial.builtin ? t('rich.assistants.copyName', { name: initial.title }) : initial.title) : '');
  const [body, setBody] = useState(initial?.body ?? '');
  const [error, setError] = useState('');
  const variables = templateVariables(body);
  const save = async () => {
    try {
      await savePrompt({ ...(initial && !initial.builtin ? { id: initial.id } : {}), title: title.trim(), body });
      onDone(t('rich.prompts.saved', { title: title.trim() }));
    } catch (err) {
      setError(t('branch.failed', { message: err instanceof Error ? err.message : String(err) }));
    }
  };
  return (
    <form
      className="settings-form"
      aria-label={t('rich.prompts.new')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field label={t('rich.prompts.title')}>{({ id }) => <input id={id} className="input" value={title} maxLength={100} onChange={(e) => setTitle(e.target.value)} />}</Field>
      <Field label={t('rich.prompts.body')} help={variables.length ? t('rich.prompts.variables', { names: variables.join(', ') }) : t('rich.prompts.bodyHint')}>
        {({ id, helpId }) => <textarea id={id} className="input" rows={6} value={body} aria-describedby={helpId} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <FormFooter error={error} onCancel={onCancel} submitLabel={t('rich.prompts.save')} disabled={!title.trim() || !body.trim()} />
    </form>
  );
}
