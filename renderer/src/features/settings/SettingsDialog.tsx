import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useAppStore, type SettingsSectionId } from '../../state/app-store';
import { Modal } from '../../ui/Modal';
import { SETTINGS_SECTIONS } from './sections';
import { hasUnsavedChanges } from './unsaved';

/**
 * Settings: a side list of sections (a vertical tab list: one Tab stop, arrows move) and the chosen
 * section beside it. Leaving a section or closing with unsaved changes asks first.
 */
export function SettingsDialog() {
  const { t } = useTranslation();
  const section = useAppStore((s) => s.settingsSection) ?? 'connections';
  const close = useAppStore((s) => s.closeSettings);
  const open = useAppStore((s) => s.openSettings);
  const [leaving, setLeaving] = useState<{ to: SettingsSectionId | null } | null>(null);
  const tabs = useRef<HTMLDivElement>(null);
  const current = SETTINGS_SECTIONS.find((s) => s.id === section) ?? SETTINGS_SECTIONS[0]!;

  const go = (to: SettingsSectionId | null) => {
    if (to === section) return;
    if (hasUnsavedChanges()) return setLeaving({ to });
    if (to) open(to);
    else close();
  };
  const confirmLeave = () => {
    const to = leaving?.to ?? null;
    setLeaving(null);
    if (to) open(to);
    else close();
  };

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = SETTINGS_SECTIONS.findIndex((s) => s.id === section);
    const n = SETTINGS_SECTIONS.length;
    const next = e.key === 'ArrowDown' ? (i + 1) % n : e.key === 'ArrowUp' ? (i - 1 + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    const id = SETTINGS_SECTIONS[next]!.id;
    go(id);
    requestAnimationFrame(() => tabs.current?.querySelector<HTMLElement>(`#settings-tab-${useAppStore.getState().settingsSection ?? section}`)?.focus());
  };

  return (
    <Modal title={t('settings.title')} onClose={() => go(null)} className="settings" closeLabel={t('settings.close')}>
      <div className="settings-layout">
        <div ref={tabs} className="settings-nav" role="tablist" aria-orientation="vertical" aria-label={t('settings.sectionsLabel')}>
          {SETTINGS_SECTIONS.map((s) => (
            <button
              key={s.id}
              id={`settings-tab-${s.id}`}
              type="button"
              role="tab"
              className="settings-tab"
              aria-selected={s.id === section}
              aria-controls="settings-panel"
              tabIndex={s.id === section ? 0 : -1}
              onClick={() => go(s.id)}
              onKeyDown={onTabKey}
            >
              {t(`settings.sections.${s.id}`)}
            </button>
          ))}
        </div>
        <div id="settings-panel" className="modal-body settings-panel" role="tabpanel" aria-labelledby={`settings-tab-${current.id}`}>
          <h3 className="settings-section-title">{t(`settings.sections.${current.id}`)}</h3>
          {current.components.map((Section, i) => (
            <section key={`${current.id}-${i}`} className="settings-section">
              <Section />
            </section>
          ))}
        </div>
      </div>
      {leaving && (
        <Modal title={t('settings.unsavedTitle')} onClose={() => setLeaving(null)} className="modal-small" role="alertdialog">
          <div className="modal-body">
            <p>{t('settings.unsavedBody')}</p>
          </div>
          <div className="modal-footer">
            <button type="button" className="button button-secondary" onClick={() => setLeaving(null)}>
              {t('settings.keepEditing')}
            </button>
            <button type="button" className="button button-danger" onClick={confirmLeave}>
              {t('settings.discard')}
            </button>
          </div>
        </Modal>
      )}
    </Modal>
  );
}
