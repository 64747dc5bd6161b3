import { useTranslation } from '../../i18n/use-translation';
import { Field } from '../../ui/Field';

export const EFFORTS = ['minimal', 'low', 'medium', 'high'] as const;
export type Effort = (typeof EFFORTS)[number];

/** Reasoning effort: the model's default (empty) or one of the four levels. */
export function EffortField({ value, onChange }: { value: Effort | ''; onChange(value: Effort | ''): void }) {
  const { t } = useTranslation();
  return (
    <Field label={t('rich.profiles.effort')}>
      {({ id }) => (
        <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value as Effort | '')}>
          <option value="">{t('rich.profiles.effortDefault')}</option>
          {EFFORTS.map((e) => (
            <option key={e} value={e}>
              {t(`rich.profiles.efforts.${e}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
