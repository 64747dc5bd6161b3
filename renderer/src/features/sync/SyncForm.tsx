import { useState, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { SyncView } from '../../../../shared/schemas';
import { getApi } from '../../api';
import { Field } from '../../ui/Field';
import { UrlInput } from '../../ui/UrlInput';
import { runSave, SaveBar, type SaveState } from '../settings/SaveBar';
import { useReportUnsaved } from '../settings/unsaved';
import { draftOf, isDirty, patchOf, problemOf, type SyncDraft } from './sync-form';

/** The WebDAV settings, applied on Save; the password and passphrase go to the keychain and leave the form. */
export function SyncForm({ view, onSaved }: { view: SyncView; onSaved(view: SyncView): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<SyncDraft>(() => draftOf(view));
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const dirty = isDirty(draft, view);
  useReportUnsaved('sync', dirty);
  const set =
    <K extends keyof SyncDraft>(key: K) =>
    (value: SyncDraft[K]) => {
      setDraft((d) => ({ ...d, [key]: value }));
      setState({ kind: 'idle' });
    };

  const save = async () => {
    const problem = problemOf(draft, view);
    if (problem) return setState({ kind: 'error', message: t(`sync.${problem}`) });
    await runSave(setState, t, async () => {
      const saved = await getApi().call('sync.save', patchOf(draft));
      // The secrets were sent once; the form keeps none of them.
      setDraft(draftOf(saved));
      onSaved(saved);
    });
  };

  const text = (key: 'username' | 'folder', label: string, help?: ReactNode) => (
    <Field label={label} help={help}>
      {({ id, helpId }) => (
        <input id={id} className="input" autoComplete="off" spellCheck={false} aria-describedby={helpId} value={draft[key]} onChange={(e) => set(key)(e.target.value)} />
      )}
    </Field>
  );
  const secret = (key: 'password' | 'passphrase', label: string, isSet: boolean, help: string, setHelp: string) => (
    <Field
      label={label}
      help={
        isSet ? (
          <>
            <span className="secret-set">{setHelp}</span>
            {help}
          </>
        ) : (
          help
        )
      }
    >
      {({ id, helpId }) => (
        <input
          id={id}
          className="input"
          type="password"
          autoComplete="new-password"
          placeholder={isSet ? t('sync.passwordPlaceholder') : undefined}
          aria-describedby={helpId}
          value={draft[key]}
          onChange={(e) => set(key)(e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form
      className="settings-form sync-part"
      // Our own messages say what is wrong, in the UI's language, next to Save.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h4 className="data-title">{t('sync.serverTitle')}</h4>
      <label className="checkbox">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => set('enabled')(e.target.checked)} /> {t('sync.enabled')}
      </label>
      <Field label={t('sync.url')} help={t('sync.urlHelp')}>
        {({ id, helpId }) => <UrlInput id={id} aria-describedby={helpId} value={draft.url} onChange={(e) => set('url')(e.target.value)} />}
      </Field>
      {text('username', t('sync.username'))}
      {secret('password', t('sync.password'), view.passwordSet, t('sync.passwordHelp'), t('sync.passwordSet'))}
      {secret('passphrase', t('sync.passphrase'), view.passphraseSet, t('sync.passphraseHelp'), t('sync.passphraseSet'))}
      {text('folder', t('sync.folder'), t('sync.folderHelp'))}
      <Field label={t('sync.interval')} inline>
        {({ id }) => (
          <input id={id} className="input input-narrow" type="number" min={1} max={1440} inputMode="numeric" value={draft.interval} onChange={(e) => set('interval')(e.target.value)} />
        )}
      </Field>
      <SaveBar dirty={dirty} state={state} />
    </form>
  );
}
