import { useTranslation } from '../../i18n/use-translation';

/** The end of an editor form: what went wrong, Cancel, and the submit button. */
export function FormFooter({ error, onCancel, submitLabel, disabled }: { error: string; onCancel(): void; submitLabel: string; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <span className="field-help" role="alert">
        {error}
      </span>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="button button-primary" disabled={disabled}>
        {submitLabel}
      </button>
    </div>
  );
}
