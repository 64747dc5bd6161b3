import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { SyncView } from '../../../../shared/schemas';
import { getApi } from '../../api';
import { appErrorText } from '../../i18n/error-text';
import { formatCount, formatDateTime } from '../data/format';

/** "Sync now" and what the last run ended with, in place; updated live by main's sync.status events. */
export function SyncStatusPanel({ view }: { view: SyncView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const status = view.status;
  const running = asking || status.running;

  const syncNow = async () => {
    if (running) return;
    setAsking(true);
    setFailure(null);
    try {
      await getApi().call('sync.now', {});
    } catch (err) {
      const text = appErrorText(t, err);
      setFailure(`${text.title} ${text.hint}`);
    } finally {
      setAsking(false);
    }
  };

  const ok = status.code === 'ok';
  const lines: string[] = [];
  if (running) lines.push(t('sync.running'));
  else if (failure) lines.push(failure);
  else if (!status.code) lines.push(t('sync.never'));
  else {
    lines.push(t(`sync.codes.${status.code}`));
    if (ok) {
      if (status.lastSuccessAt) lines.push(t('sync.lastSuccess', { when: formatDateTime(status.lastSuccessAt, lang) }));
      lines.push(t('sync.counts', { pulled: formatCount(status.pulled, lang), pushed: formatCount(status.pushed, lang), devices: formatCount(status.devices, lang) }));
    } else if (status.lastRunAt) lines.push(t('sync.lastAttempt', { when: formatDateTime(status.lastRunAt, lang) }));
    if (status.rekeyed) lines.push(t('sync.rekeyed'));
    if (status.unreadableFiles > 0) lines.push(t('sync.unreadable', { n: formatCount(status.unreadableFiles, lang) }));
  }
  const tone = running ? '' : failure || (status.code && !ok) ? ' is-error' : ok ? ' is-ok' : '';

  return (
    <div className="settings-form data-panel sync-part">
      <h4 className="data-title">{t('sync.statusTitle')}</h4>
      <div className="form-actions">
        <div className={`data-result sync-status${tone}`} role={tone === ' is-error' ? 'alert' : 'status'} aria-label={t('sync.statusTitle')}>
          {lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
        <button type="button" className="button button-primary" aria-disabled={running} onClick={() => void syncNow()}>
          {t('sync.syncNow')}
        </button>
      </div>
      {!running && !ok && status.detail && (
        <details className="data-details">
          <summary>{t('sync.details')}</summary>
          <code>{status.detail}</code>
        </details>
      )}
      <p className="field-help">{t('sync.device', { id: view.deviceId })}</p>
    </div>
  );
}
