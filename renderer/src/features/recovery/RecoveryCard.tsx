import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { toApiError, type ApiClient } from '../../api';
import type { DatabaseStatus } from '../../../../shared/schemas';
import { LogoMark } from '../../ui/icons';
import './recovery.css';

/** Errors that mean "the history database is not usable": the recovery card replaces the app. */
export const isDatabaseError = (error: unknown): boolean => {
  const code = toApiError(error).code;
  return code === 'database_corrupt' || code === 'database_unavailable';
};

/**
 * Recovery mode: says what happened to the history database (left untouched by Ferry) and offers
 * its backups, newest first, or an empty history. Both move the damaged file to `broken/`; it is
 * never deleted. A history that only needs a disk with room (to be upgraded) offers to try again.
 */
export function RecoveryCard({ api, onRestored }: { api: ApiClient; onRestored(): void }) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<DatabaseStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api.call('app.info', {}).then(
      (info) => current && setStatus(info.database ?? null),
      (error: unknown) => current && setFailure(toApiError(error).message),
    );
    return () => {
      current = false;
    };
  }, [api]);

  const startFresh = () => {
    setBusy(true);
    setFailure(null);
    api.call('app.startFreshHistory', {}).then(
      () => onRestored(),
      (error: unknown) => {
        setBusy(false);
        setFailure(toApiError(error).message);
      },
    );
  };

  const restore = (file: string) => {
    setBusy(true);
    setFailure(null);
    api.call('app.restoreBackup', { file }).then(
      () => onRestored(),
      (error: unknown) => {
        setBusy(false);
        setFailure(toApiError(error).message);
      },
    );
  };

  const reason = status?.reason ?? 'corrupt';
  return (
    <div className="boot">
      <div className="boot-card" role="alert">
        <LogoMark width={48} height={48} />
        <h1 className="boot-title">{t(`recovery.title.${reason}`)}</h1>
        <p className="boot-detail">{reason === 'unwritable' ? t('recovery.unwritableHint') : t('recovery.untouched')}</p>
        {status && <p className="boot-detail"><code>{status.path}</code></p>}
        {status?.message && <p className="boot-detail recovery-technical">{t('recovery.technical', { detail: status.message })}</p>}
        {status && status.backups.length === 0 && <p className="boot-detail">{t('recovery.noBackup')}</p>}
        {status && status.backups.length > 0 && (
          <ul className="recovery-backups" aria-label={t('recovery.backups')}>
            {status.backups.map((b, i) => (
              <li key={b.file}>
                <span>
                  {new Date(b.createdAt).toLocaleString(i18n.language)} · v{b.version} · {(b.size / 1e6).toFixed(1)} MB
                </span>{' '}
                <button
                  type="button"
                  className={i === 0 ? 'button button-primary' : 'button'}
                  disabled={busy}
                  onClick={() => restore(b.file)}
                >
                  {i === 0 ? t('recovery.restoreNewest') : t('recovery.restore')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {reason === 'unwritable' && (
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => void api.call('storage.retry', {}).then(onRestored, (error: unknown) => setFailure(toApiError(error).message))}
          >
            {t('common.retry')}
          </button>
        )}
        {status && (reason === 'corrupt' || reason === 'empty' || reason === 'unreadable') && (
          <div className="recovery-fresh">
            <button type="button" className="button button-secondary" disabled={busy} onClick={startFresh}>
              {t('recovery.startFresh')}
            </button>
            <p className="boot-detail">{t('recovery.startFreshHint')}</p>
          </div>
        )}
        {failure && <p className="boot-detail" role="status">{failure}</p>}
      </div>
    </div>
  );
}
