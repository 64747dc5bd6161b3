import { useTranslation } from '../../i18n/use-translation';
import { Field } from '../../ui/Field';

/** Extra HTTP headers, one `Name: value` per line. */
export function HeadersField({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { t } = useTranslation();
  return (
    <Field label={t('connections.headers')} help={t('connections.headersHelp')}>
      {({ id, helpId }) => (
        <textarea
          id={id}
          className="input input-mono"
          rows={3}
          value={value}
          spellCheck={false}
          autoCapitalize="off"
          placeholder="X-Example: value"
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={helpId}
        />
      )}
    </Field>
  );
}
