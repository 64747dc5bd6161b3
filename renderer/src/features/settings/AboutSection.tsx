import { useTranslation } from '../../i18n/use-translation';
import { Facts } from '../../ui/Facts';
import { useAppStore } from '../../state/app-store';

/** Version, host, platform and where keys are kept: what a bug report needs. */
export function AboutSection() {
  const { t } = useTranslation();
  const info = useAppStore((s) => s.info);
  if (!info) return null;
  const rows = [
    { label: t('settings.about.version'), value: info.version },
    { label: t('settings.about.host'), value: t(`settings.about.hosts.${info.host}`) },
    { label: t('settings.about.platform'), value: info.platform },
    { label: t('settings.about.keychain'), value: info.keychain.available ? t('settings.about.keychainOk') : t('settings.about.keychainMissing') },
  ];
  return (
    <div className="settings-form">
      <p>{t('settings.about.summary')}</p>
      <Facts rows={rows} />
    </div>
  );
}
