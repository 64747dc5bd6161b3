import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { BackupOverview, BackupSettings } from '../../../../shared/schemas';
import { getApi } from '../../api';
import { Field } from '../../ui/Field';
import { runSave, SaveBar, type SaveState } from '../settings/SaveBar';
import { useReportUnsaved } from '../settings/unsaved';

/** Daily automatic backups on or off, and how many are kept; applied on Save like every section. */
export function BackupSettingsForm({ saved, onSaved }: { saved: BackupSettings; onSaved(overview: BackupOverview): void }) {
  const { t } = useTranslation();
  const [daily, setDaily] = useState(saved.daily);
  const [keep, setKeep] = useState(String(saved.keep));
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const dirty = daily !== saved.daily || keep.trim() !== String(saved.keep);
  useReportUnsaved('backups', dirty);

  const save = async () => {
    const n = Number(keep.trim());
    if (!Number.isInteger(n) || n < 1 || n > 365) return setState({ kind: 'error', message: t('data.backups.keepInvalid') });
    await runSave(setState, t, async () => {
      onSaved(await getApi().call('backup.setSettings', { daily, keep: n }));
      setKeep(String(n));
    });
  };

  return (
    <form
      className="settings-form"
      // Our own messages say what is wrong, in the UI's language, next to Save.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label className="checkbox">
        <input
          type="checkbox"
          checked={daily}
          onChange={(e) => {
            setDaily(e.target.checked);
            setState({ kind: 'idle' });
          }}
        />{' '}
        {t('data.backups.daily')}
      </label>
      <Field label={t('data.backups.keep')} help={t('data.backups.keepHelp')} inline>
        {({ id, helpId }) => (
          <input
            id={id}
            className="input input-narrow"
            type="number"
            min={1}
            max={365}
            inputMode="numeric"
            aria-describedby={helpId}
            value={keep}
            onChange={(e) => {
              setKeep(e.target.value);
              setState({ kind: 'idle' });
            }}
          />
        )}
      </Field>
      <SaveBar dirty={dirty} state={state} />
    </form>
  );
}
