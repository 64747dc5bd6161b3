import { useTranslation } from '../../i18n/use-translation';
import { keepDefaultSettings, restoreSettingsCopy } from '../../state/fault-actions';
import { useFaultStore } from '../../state/fault-state';
import { AlertIcon } from '../../ui/icons';
import { useBusyAction } from './use-busy-action';

/**
 * config.json could not be read at start: it was moved aside (the path is shown) and Ferry started
 * from defaults. Offers the newest previous copy that holds connections, or keeping the defaults.
 */
export function SettingsFileBanner() {
  const { t, i18n } = useTranslation();
  const status = useFaultStore((s) => s.settingsFile);
  const { busy, failed, run } = useBusyAction();
  if (!status?.recovered) return null;
  // The newest copy with connections in it: a copy written after the damage holds none.
  const copy = status.copies.find((c) => c.connections > 0) ?? status.copies[0] ?? null;
  return (
    <div className="fault-banner" role="alert" data-fault="settings-file">
      <AlertIcon width={16} height={16} />
      <div className="fault-banner-text">
        <strong>{t('faults.settingsFile.title')}</strong> <span>{copy ? t('faults.settingsFile.hint') : t('faults.settingsFile.noCopy')}</span>
        <p className="fault-banner-detail">{t('faults.settingsFile.movedTo', { path: status.recovered.movedTo })}</p>
        {failed && <p className="fault-banner-muted">{t('faults.settingsFile.failed')}</p>}
      </div>
      <div className="fault-banner-actions">
        {copy && (
          <button type="button" className="button button-primary button-small" aria-disabled={busy} onClick={() => run(() => restoreSettingsCopy(copy.file))}>
            {t('faults.settingsFile.restore', { time: new Date(copy.savedAt).toLocaleString(i18n.language), count: copy.connections })}
          </button>
        )}
        <button type="button" className="button button-secondary button-small" aria-disabled={busy} onClick={() => run(keepDefaultSettings)}>
          {t('faults.settingsFile.keep')}
        </button>
      </div>
    </div>
  );
}
