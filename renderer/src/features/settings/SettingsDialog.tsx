import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';
import { Modal } from '../../ui/Modal';
import { AppProxySection } from '../connections/AppProxySection';
import { TimeoutsSection } from './TimeoutsSection';
import { ConnectionsSection } from '../connections/ConnectionsSection';
import { ModelSettingsSection } from './ModelSettingsSection';
import { ModelProfilesSection } from '../model-picker/ModelProfilesSection';
import { LanguageField, ThemeField } from './PreferencesSection';
import { UpdatesSection } from '../updates/UpdatesSection';

/** Settings: connections, network, models, appearance, language. Esc or the close button dismisses it. */
export function SettingsDialog() {
  const { t } = useTranslation();
  const close = useAppStore((s) => s.closeSettings);
  const info = useAppStore((s) => s.info);

  return (
    <Modal title={t('settings.title')} onClose={close} className="settings" closeLabel={t('settings.close')}>
      <div className="modal-body settings-body">
        <SettingsSection id="settings-connection" title={t('settings.sections.connection')}>
          <ConnectionsSection />
        </SettingsSection>
        <SettingsSection id="settings-network" title={t('connections.proxy.section')}>
          <AppProxySection />
          <TimeoutsSection />
        </SettingsSection>
        <SettingsSection id="settings-models" title={t('branch.pricesSection')}>
          <ModelSettingsSection />
        </SettingsSection>
        <SettingsSection id="settings-model-profiles" title={t('rich.profiles.title')}>
          <ModelProfilesSection />
        </SettingsSection>
        <SettingsSection id="settings-appearance" title={t('settings.sections.appearance')}>
          <ThemeField />
        </SettingsSection>
        <SettingsSection id="settings-language" title={t('settings.sections.language')}>
          <LanguageField />
        </SettingsSection>
        <SettingsSection id="settings-updates" title={t('updates.title')}>
          <UpdatesSection />
        </SettingsSection>
        {info && <p className="settings-about">{t('settings.about', { version: info.version, dataDir: info.dataDir })}</p>}
      </div>
    </Modal>
  );
}

function SettingsSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="settings-section" aria-labelledby={id}>
      <h3 id={id} className="settings-section-title">
        {title}
      </h3>
      {children}
    </section>
  );
}
