import { useId, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { DEFAULT_TIMEOUT_SETTINGS, type TimeoutSettings } from '../../../../shared/schemas';
import { getApi } from '../../api';
import { appErrorText } from '../../i18n/error-text';
import { useAppStore } from '../../state/app-store';
import { SaveBar, type SaveState } from './SaveBar';
import { useReportUnsaved } from './unsaved';

const FIELDS = ['connectMs', 'firstByteMs', 'idleMs'] as const;
type Field = (typeof FIELDS)[number];

const seconds = (ms: number) => String(Math.round(ms / 1000));

/** App-wide connect / first-byte / idle limits, in seconds (stored in ms in preferences). */
export function TimeoutsSection() {
  const { t } = useTranslation();
  const saved = useAppStore((s) => s.prefs?.timeouts ?? DEFAULT_TIMEOUT_SETTINGS);
  const ids = { hint: useId(), connectMs: useId(), firstByteMs: useId(), idleMs: useId() };
  const [values, setValues] = useState<Record<Field, string>>(() => ({
    connectMs: seconds(saved.connectMs),
    firstByteMs: seconds(saved.firstByteMs),
    idleMs: seconds(saved.idleMs),
  }));
  const [status, setStatus] = useState<SaveState>({ kind: 'idle' });
  const dirty = FIELDS.some((field) => values[field] !== seconds(saved[field]));
  useReportUnsaved('network.timeouts', dirty);

  const save = async () => {
    const timeouts: Partial<TimeoutSettings> = {};
    for (const field of FIELDS) {
      const n = Number(values[field]);
      if (!Number.isFinite(n) || n < 1) {
        setStatus({ kind: 'error', message: t('connections.timeouts.invalid') });
        return;
      }
      timeouts[field] = Math.round(n * 1000);
    }
    try {
      const prefs = await getApi().call('prefs.setTimeouts', { timeouts });
      useAppStore.getState().setPrefs(prefs);
      setStatus({ kind: 'saved', message: t('connections.timeouts.saved') });
    } catch (err) {
      setStatus({ kind: 'error', message: appErrorText(t, err).title });
    }
  };

  return (
    <fieldset className="settings-form" aria-describedby={ids.hint}>
      <legend className="field-label">{t('connections.timeouts.title')}</legend>
      <p id={ids.hint} className="field-help">
        {t('connections.timeouts.hint')}
      </p>
      <div className="timeouts-grid">
        {FIELDS.map((field) => (
          <div className="field" key={field}>
            <label htmlFor={ids[field]} className="field-label">
              {t(`connections.timeouts.${field}`)}
            </label>
            <input
              id={ids[field]}
              className="input"
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              value={values[field]}
              onChange={(e) => {
                setValues((v) => ({ ...v, [field]: e.target.value }));
                setStatus({ kind: 'idle' });
              }}
            />
          </div>
        ))}
      </div>
      <SaveBar dirty={dirty} state={status} label={t('connections.timeouts.save')} onSave={() => void save()} />
    </fieldset>
  );
}
