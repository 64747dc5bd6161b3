import { useTranslation } from '../../i18n/use-translation';
import { useAppStore } from '../../state/app-store';
import { CopyButton } from '../../ui/CopyButton';
import { Facts } from '../../ui/Facts';

/** Where the history lives on disk (keys are not there: they stay in the keychain). */
export function DataFolderPanel() {
  const { t } = useTranslation();
  const info = useAppStore((s) => s.info);
  if (!info) return null;
  const sep = info.platform === 'win32' ? '\\' : '/';
  const rows = [
    { label: t('settings.data.folder'), value: info.dataDir },
    { label: t('settings.data.database'), value: info.database?.path ?? `${info.dataDir}${sep}ferry.db` },
    { label: t('settings.data.backups'), value: `${info.dataDir}${sep}backups` },
  ];
  return (
    <div className="settings-form data-panel">
      <h4 className="data-title">{t('data.folder.title')}</h4>
      <p className="field-help">{t('settings.data.intro')}</p>
      <Facts
        rows={rows.map((row) => ({
          label: row.label,
          value: (
            <>
              <code className="request-url">{row.value}</code> <CopyButton getText={() => row.value} label={t('settings.data.copyPath', { what: row.label })} />
            </>
          ),
        }))}
      />
    </div>
  );
}
