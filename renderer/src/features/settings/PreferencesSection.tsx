import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';
import { setPreference } from '../../state/settings-actions';
import { Field } from '../../ui/Field';

const THEMES = ['system', 'light', 'dark'] as const;
const LANGUAGES = ['system', 'en', 'zh-CN'] as const;

/** Theme and language apply the moment they change; no Save needed. */
export function ThemeField() {
  const { t } = useTranslation();
  const theme = useAppStore((s) => s.prefs?.theme ?? 'system');
  return (
    <PreferenceSelect label={t('settings.theme')} value={theme} onChange={(value) => setPreference({ theme: value })} options={THEMES.map((value) => ({ value, label: t(`settings.themes.${value}`) }))} />
  );
}

export function LanguageField() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.prefs?.language ?? 'system');
  return (
    <PreferenceSelect
      label={t('settings.language')}
      value={language}
      onChange={(value) => setPreference({ language: value })}
      // Each language's own name is tagged with it, so a screen reader says it in the right voice.
      options={LANGUAGES.map((value) => ({ value, label: t(`settings.languages.${value}`), lang: value === 'system' ? undefined : value }))}
    />
  );
}

function PreferenceSelect<V extends string>(props: {
  label: string;
  value: V;
  options: { value: V; label: string; lang?: string }[];
  onChange(value: V): Promise<void>;
}) {
  return (
    <Field label={props.label} inline>
      {({ id }) => (
        <select id={id} className="select" value={props.value} onChange={(e) => void props.onChange(e.target.value as V).catch(() => {})}>
          {props.options.map((o) => (
            <option key={o.value} value={o.value} lang={o.lang}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
