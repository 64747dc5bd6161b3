import { useTranslation } from '../../i18n/use-translation';
import { useAppStore } from '../../state/app-store';
import { retryStorage } from '../../state/fault-actions';
import { useFaultStore } from '../../state/fault-state';
import { AlertIcon } from '../../ui/icons';
import { useBusyAction } from './use-busy-action';

/**
 * The history cannot be written: the disk is full, the folder read-only, or the disk failed. Says
 * which, the moment it happens; everything stored can still be read. "Try again" writes what is
 * pending and, when the history was opened read-only, reopens it for writing.
 */
export function StorageBanner() {
  const { t } = useTranslation();
  const storage = useFaultStore((s) => s.storage);
  const dataDir = useAppStore((s) => s.info?.dataDir);
  const { busy, run } = useBusyAction();
  if (!storage || storage.writable) return null;
  const problem = storage.problem ?? 'io';
  return (
    <div className="fault-banner" role="alert" data-fault="storage">
      <AlertIcon width={16} height={16} />
      <div className="fault-banner-text">
        <strong>{t(`faults.storage.problem.${problem}.title`)}</strong> <span>{t(`faults.storage.problem.${problem}.hint`)}</span>
        {storage.readOnly && <span className="fault-banner-muted">{t('faults.followUp', { text: t('faults.storage.readOnlyMode') })}</span>}
        {dataDir && <p className="fault-banner-detail">{t('faults.storage.folder', { path: dataDir })}</p>}
      </div>
      <button type="button" className="button button-secondary button-small" onClick={() => run(retryStorage)} aria-disabled={busy}>
        {t('faults.storage.retry')}
      </button>
    </div>
  );
}
