import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../../../shared/schemas';
import { appErrorText } from '../../i18n/error-text';
import { deleteConversation } from '../../state/conversation-actions';
import { Modal } from '../../ui/Modal';

interface ConfirmDeleteDialogProps {
  conversation: ConversationSummary;
  onClose(): void;
}

/** Deleting can't be undone, so it asks first; focus starts on Cancel, the safe choice. */
export function ConfirmDeleteDialog({ conversation, onClose }: ConfirmDeleteDialogProps) {
  const { t } = useTranslation();
  const cancel = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await deleteConversation(conversation.id);
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const text = error ? appErrorText(t, error) : null;
  return (
    <Modal title={t('confirmDelete.title')} onClose={onClose} initialFocus={cancel} className="modal-small">
      <div className="modal-body">
        <p>{t('confirmDelete.body', { title: conversation.title || t('sidebar.untitled') })}</p>
        {text && (
          <p className="form-error" role="alert">
            <strong>{text.title}</strong> {text.hint}
          </p>
        )}
      </div>
      <footer className="modal-footer">
        <button ref={cancel} type="button" className="button button-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button-danger" onClick={() => void confirm()} aria-disabled={busy}>
          {t('confirmDelete.confirm')}
        </button>
      </footer>
    </Modal>
  );
}
