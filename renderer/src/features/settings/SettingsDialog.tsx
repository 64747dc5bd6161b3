import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';
import { CloseIcon } from '../../ui/icons';
import { Modal } from '../../ui/Modal';
import { AppProxySection } from '../connections/AppProxySection';
import { TimeoutsSection } from './TimeoutsSection';
import { ConnectionsSection } from '../connections/ConnectionsSection';
import { ModelSettingsSection } from './ModelSettingsSection';
import { LanguageField, ThemeField } from './PreferencesSection';

/** Settings: connection, appearance, language. Esc or the close button dismisses it. */
export function SettingsDialog() {
  const { t } = useTranslation();
  const close = useAppStore((s) => s.closeSettings);
  const info = useAppStore((s) => s.info);

  return (
    <Modal
      title={t('settings.title')}
      onClose={close}
      className="settings"
      headerExtra={
        <button type="button" className="icon-button" onClick={close} aria-label={t('settings.close')} title={t('settings.close')}>
          <CloseIcon />
        </button>
      }
    >
      <div className="modal-body settings-body">
        <section className="settings-section" aria-labelledby="settings-connection">
          <h3 id="settings-connection" className="settings-section-title">
            {t('settings.sections.connection')}
          </h3>
          <ConnectionsSection />
        </section>
        <section className="settings-section" aria-labelledby="settings-network">
          <h3 id="settings-network" className="settings-section-title">
            {t('connections.proxy.section')}
          </h3>
          <AppProxySection />
          <TimeoutsSection />
        </section>
        <section className="settings-section" aria-labelledby="settings-models">
          <h3 id="settings-models" className="settings-section-title">
            {t('branch.pricesSection')}
          </h3>
          <ModelSettingsSection />
        </section>
        <section className="settings-section" aria-labelledby="settings-appearance">
          <h3 id="settings-appearance" className="settings-section-title">
            {t('settings.sections.appearance')}
          </h3>
          <ThemeField />
        </section>
        <section className="settings-section" aria-labelledby="settings-language">
          <h3 id="settings-language" className="settings-section-title">
            {t('settings.sections.language')}
          </h3>
          <LanguageField />
        </section>
        {info && <p className="settings-about">{t('settings.about', { version: info.version, dataDir: info.dataDir })}</p>}
      </div>
    </Modal>
  );
}
