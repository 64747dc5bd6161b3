import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';
import { setPreference } from '../../state/settings-actions';

const THEMES = ['system', 'light', 'dark'] as const;
const LANGUAGES = ['system', 'en', 'zh-CN'] as const;

/** Theme and language apply the moment they change; no Save needed. */
export function ThemeField() {
  const { t } = useTranslation();
  const id = useId();
  const theme = useAppStore((s) => s.prefs?.theme ?? 'system');
  return (
    <div className="field field-inline">
      <label htmlFor={id} className="field-label">
        {t('settings.theme')}
      </label>
      <select id={id} className="select" value={theme} onChange={(e) => void setPreference({ theme: e.target.value as (typeof THEMES)[number] }).catch(() => {})}>
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {t(`settings.themes.${value}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function LanguageField() {
  const { t } = useTranslation();
  const id = useId();
  const language = useAppStore((s) => s.prefs?.language ?? 'system');
  return (
    <div className="field field-inline">
      <label htmlFor={id} className="field-label">
        {t('settings.language')}
      </label>
      <select
        id={id}
        className="select"
        value={language}
        onChange={(e) => void setPreference({ language: e.target.value as (typeof LANGUAGES)[number] }).catch(() => {})}
      >
        {LANGUAGES.map((value) => (
          <option key={value} value={value} lang={value === 'system' ? undefined : value}>
            {t(`settings.languages.${value}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
