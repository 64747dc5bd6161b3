import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { BackupOverview, LocalBackup } from '../../../../shared/schemas';
import { getApi } from '../../api';
import { appErrorText } from '../../i18n/error-text';
import { Modal } from '../../ui/Modal';
import { BackupSettingsForm } from './BackupSettingsForm';
import { formatBytes, formatCount, formatDateTime } from './format';

type Status = { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

/** The local backups: settings, "Back up now", and the list with Restore (which keeps the current state first). */
export function BackupsPanel() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [overview, setOverview] = useState<BackupOverview | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [confirming, setConfirming] = useState<LocalBackup | null>(null);
  const when = (b: LocalBackup) => formatDateTime(b.createdAt, lang);

  const fail = (err: unknown) => {
    const text = appErrorText(t, err);
    setStatus({ kind: 'error', text: `${text.title} ${text.hint}` });
  };
  const reload = () => getApi().call('backup.overview', {}).then(setOverview, fail);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void reload(), []);

  const create = async () => {
    if (status.kind === 'busy') return;
    setStatus({ kind: 'busy', text: t('data.backups.creating') });
    try {
      const made = await getApi().call('backup.create', {});
      await reload();
      setStatus({ kind: 'done', text: t('data.backups.created', { when: when(made) }) });
    } catch (err) {
      fail(err);
    }
  };
  const restore = async (backup: LocalBackup) => {
    setConfirming(null);
    setStatus({ kind: 'busy', text: t('data.backups.restoring') });
    try {
      const result = await getApi().call('backup.restore', { id: backup.id });
      await reload();
      setStatus({ kind: 'done', text: t('data.backups.restored', { when: when(result.restored), safety: `${t(`data.backups.kinds.${result.safetyCopy.kind}`)} · ${when(result.safetyCopy)}` }) });
    } catch (err) {
      fail(err);
    }
  };

  return (
    <div className="settings-form data-panel">
      <h4 className="data-title">{t('data.backups.title')}</h4>
      <p className="field-help">{t('data.backups.intro')}</p>
      {overview && <BackupSettingsForm saved={overview.settings} onSaved={setOverview} />}
      <div className="backup-list-head">
        <p className="field-label" id="backup-list-label">
          {t('data.backups.list')}
        </p>
        <button type="button" className="button button-secondary" aria-disabled={status.kind === 'busy'} onClick={() => void create()}>
          {t('data.backups.create')}
        </button>
      </div>
      <p className={`form-status${status.kind === 'error' ? ' form-error' : status.kind === 'done' ? ' form-success' : ''}`} role={status.kind === 'error' ? 'alert' : 'status'}>
        {status.kind === 'idle' ? '' : status.text}
      </p>
      {overview && overview.backups.length === 0 && <p className="field-help">{t('data.backups.none')}</p>}
      {overview && overview.backups.length > 0 && (
        <ul className="backup-list" aria-labelledby="backup-list-label">
          {overview.backups.map((b) => (
            <li key={b.id} className="backup-item">
              <span className="backup-kind">{t(`data.backups.kinds.${b.kind}`)}</span>
              <span className="backup-when">{when(b)}</span>
              <span className="backup-size">
                {formatBytes(b.size, lang)}
                {!b.hasConfig && ` · ${t('data.backups.noConfig')}`}
                {b.attachments !== null && b.attachments > 0 && ` · ${t('data.backups.attachments', { n: formatCount(b.attachments, lang) })}`}
              </span>
              <button
                type="button"
                className="button button-secondary button-small"
                aria-label={t('data.backups.restoreLabel', { when: when(b) })}
                aria-disabled={status.kind === 'busy'}
                onClick={() => status.kind !== 'busy' && setConfirming(b)}
              >
                {t('data.backups.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {confirming && (
        <Modal title={t('data.backups.restoreTitle', { when: when(confirming) })} onClose={() => setConfirming(null)} className="modal-small" role="alertdialog">
          <div className="modal-body">
            <p>{t('data.backups.restoreBody')}</p>
          </div>
          <div className="modal-footer">
            <button type="button" className="button button-secondary" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </button>
            <button type="button" className="button button-danger" onClick={() => void restore(confirming)}>
              {t('data.backups.restore')}
            </button>
          </div>
        </Modal>
      )}
    </div>
  );
}
