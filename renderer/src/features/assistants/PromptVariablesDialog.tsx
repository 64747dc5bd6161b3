import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Prompt } from '../../../../shared/schemas';
import { Field } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { templateVariables } from './prompt-template';

/** Asks for a prompt's {{variables}}; Enter in a one-line field goes on, the last one inserts. */
export function PromptVariablesDialog({ prompt, onSubmit, onCancel }: { prompt: Prompt; onSubmit(values: Record<string, string>): void; onCancel(): void }) {
  const { t } = useTranslation();
  const names = templateVariables(prompt.body);
  // A selection made before typing "/" fills {{selection}} (and {{text}}) at once.
  const [values, setValues] = useState<Record<string, string>>(() => {
    const selected = window.getSelection()?.toString() ?? '';
    return Object.fromEntries(names.map((n) => [n, (n === 'selection' || n === 'text') && selected ? selected : '']));
  });
  const long = (name: string) => /text|code|selection|内容|文本|代码/i.test(name);
  return (
    <Modal title={prompt.title} onClose={onCancel} closeLabel={t('common.close')} className="modal-small prompt-variables">
      <form
        className="modal-body settings-body"
        onSubmit={(e) => {
          e.preventDefault();
          // The dialog is portalled but still inside the composer's React tree: its submit must not send.
          e.stopPropagation();
          onSubmit(values);
        }}
      >
        {names.map((name) => (
          <Field key={name} label={name}>
            {({ id }) =>
              long(name) ? (
                <textarea
                  id={id}
                  className="input"
                  rows={4}
                  value={values[name]}
                  onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                      e.preventDefault();
                      onSubmit(values);
                    }
                  }}
                />
              ) : (
                <input id={id} className="input" value={values[name]} onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))} />
              )
            }
          </Field>
        ))}
        <p className="field-help">{t('rich.prompts.fillHint')}</p>
        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary">
            {t('rich.prompts.insert')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
