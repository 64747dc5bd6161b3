import { useTranslation } from '../../i18n/use-translation';
import { formatBinding, ShortcutAction } from '../../../../shared/shortcuts';
import { useAppStore } from '../../state/app-store';
import { setShortcutListOpen } from '../../state/ui-store';
import { Modal } from '../../ui/Modal';
import { isMacPlatform, useShortcuts } from './use-shortcuts';

/** Ctrl/Cmd+/: every shortcut in effect, and the way to change them. */
export function ShortcutListDialog() {
  const { t } = useTranslation();
  const bindings = useShortcuts();
  const mac = isMacPlatform(useAppStore((s) => s.info?.platform));
  const close = () => setShortcutListOpen(false);
  return (
    <Modal title={t('shortcuts.listTitle')} onClose={close} className="shortcut-list" closeLabel={t('common.close')}>
      <div className="modal-body">
        <table className="shortcut-table">
          <caption className="visually-hidden">{t('shortcuts.listTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('shortcuts.action')}</th>
              <th scope="col">{t('shortcuts.keys')}</th>
            </tr>
          </thead>
          <tbody>
            {ShortcutAction.options.map((action) => (
              <tr key={action}>
                <th scope="row" className="shortcut-name">
                  {t(`shortcuts.actions.${action}`)}
                </th>
                <td>
                  <kbd className="kbd">{formatBinding(bindings[action], mac)}</kbd>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="modal-footer">
        <p className="field-help shortcut-list-hint">{t('shortcuts.listHint')}</p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            close();
            useAppStore.getState().openSettings('shortcuts');
          }}
        >
          {t('shortcuts.openSettings')}
        </button>
      </div>
    </Modal>
  );
}
