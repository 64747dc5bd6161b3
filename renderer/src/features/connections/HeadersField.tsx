import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Extra HTTP headers, one `Name: value` per line. */
export function HeadersField({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { t } = useTranslation();
  const id = useId();
  const help = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {t('connections.headers')}
      </label>
      <textarea
        id={id}
        className="input input-mono"
        rows={3}
        value={value}
        spellCheck={false}
        autoCapitalize="off"
        placeholder="X-Example: value"
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={help}
      />
      <p id={help} className="field-help">
        {t('connections.headersHelp')}
      </p>
    </div>
  );
}
