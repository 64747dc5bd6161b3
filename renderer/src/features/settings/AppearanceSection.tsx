import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { FONT_SIZE, type Preferences } from '../../../../shared/schemas';
import { useAppStore } from '../../state/app-store';
import { setPreference } from '../../state/settings-actions';
import { Field } from '../../ui/Field';
import { runSave, SaveBar, type SaveState } from './SaveBar';
import { useReportUnsaved } from './unsaved';

const THEMES = ['system', 'light', 'dark'] as const;
const LANGUAGES = ['system', 'en', 'zh-CN'] as const;
const SIZES = Array.from({ length: FONT_SIZE.max - FONT_SIZE.min + 1 }, (_, i) => FONT_SIZE.min + i);

type Draft = Pick<Preferences, 'theme' | 'language' | 'fontSize'>;

/** Theme, language and message text size; applied on Save. */
export function AppearanceSection() {
  const { t } = useTranslation();
  const prefs = useAppStore((s) => s.prefs);
  const saved: Draft = { theme: prefs?.theme ?? 'system', language: prefs?.language ?? 'system', fontSize: prefs?.fontSize ?? FONT_SIZE.default };
  const [draft, setDraft] = useState<Draft>(saved);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const dirty = draft.theme !== saved.theme || draft.language !== saved.language || draft.fontSize !== saved.fontSize;
  useReportUnsaved('appearance', dirty);
  const change = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setState({ kind: 'idle' });
  };

  const save = () => runSave(setState, t, () => setPreference(draft));

  return (
    <form
      className="settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field label={t('settings.theme')} inline>
        {({ id }) => (
          <select id={id} className="select" value={draft.theme} onChange={(e) => change({ theme: e.target.value as Draft['theme'] })}>
            {THEMES.map((value) => (
              <option key={value} value={value}>
                {t(`settings.themes.${value}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('settings.language')} inline>
        {({ id }) => (
          <select id={id} className="select" value={draft.language} onChange={(e) => change({ language: e.target.value as Draft['language'] })}>
            {LANGUAGES.map((value) => (
              // Each language's own name is tagged with it, so a screen reader says it in the right voice.
              <option key={value} value={value} lang={value === 'system' ? undefined : value}>
                {t(`settings.languages.${value}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('settings.fontSize')} help={t('settings.fontSizeHelp')} inline>
        {({ id, helpId }) => (
          <select id={id} className="select" value={draft.fontSize} aria-describedby={helpId} onChange={(e) => change({ fontSize: Number(e.target.value) })}>
            {SIZES.map((size) => (
              <option key={size} value={size}>
                {size === FONT_SIZE.default ? t('settings.fontSizeDefault', { size }) : t('settings.fontSizeValue', { size })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SaveBar dirty={dirty} state={state} />
    </form>
  );
}
