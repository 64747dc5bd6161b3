import { useTranslation } from '../../i18n/use-translation';
import { appErrorText } from '../../i18n/error-text';
import { SyncForm } from './SyncForm';
import { SyncStatusPanel } from './SyncStatusPanel';
import { useSyncView } from './use-sync-view';

/** Settings › Sync: the status with "Sync now" first (what a user comes back for), then the WebDAV settings. */
export function SyncSection() {
  const { t } = useTranslation();
  const { view, setView, failure } = useSyncView();
  if (failure) {
    const text = appErrorText(t, failure);
    return (
      <p className="form-status form-error" role="alert">
        <strong>{text.title}</strong> {text.hint}
      </p>
    );
  }
  if (!view) return null;
  return (
    <div className="sync-parts">
      <p className="field-help">{t('sync.intro')}</p>
      <SyncStatusPanel view={view} />
      <SyncForm view={view} onSaved={setView} />
    </div>
  );
}
