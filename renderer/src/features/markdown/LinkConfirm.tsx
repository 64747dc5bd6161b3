import { useRef } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { Modal } from '../../ui/Modal';

/**
 * Opens a web link only after the user has seen where it goes. The browser host opens a new tab
 * without opener; in Electron, the window-open handler hands http(s) URLs to the system browser.
 */
export function openExternal(url: string): void {
  window.open(url, '_blank', 'noopener,noreferrer');
}

export function LinkConfirm({ url, onClose }: { url: string; onClose(): void }) {
  const { t } = useTranslation();
  const open = useRef<HTMLButtonElement>(null);
  return (
    <Modal title={t('markdown.openLinkTitle')} onClose={onClose} className="link-confirm" role="alertdialog" initialFocus={open}>
      <div className="modal-body">
        <p className="link-confirm-url">{url}</p>
        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('markdown.cancel')}
          </button>
          <button
            ref={open}
            type="button"
            className="button button-primary"
            onClick={() => {
              onClose();
              openExternal(url);
            }}
          >
            {t('markdown.openLink')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
