import { useEffect } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { undoDelete, useMessageUndo } from './actions';

const UNDO_MS = 8000;

/** "2 messages deleted · Undo", for a few seconds after a delete. */
export function MessageUndo() {
  const { t } = useTranslation();
  const pending = useMessageUndo((s) => s.pending);
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => {
      if (useMessageUndo.getState().pending?.key === pending.key) useMessageUndo.getState().set(null);
    }, UNDO_MS);
    return () => clearTimeout(timer);
  }, [pending]);
  return (
    <div className="message-undo-region" role="status">
      {pending && (
        <div className="message-undo">
          <span>{t('rich.message.deleted', { count: pending.count })}</span>
          <button type="button" className="button button-secondary button-small" onClick={() => void undoDelete(pending.token).catch(() => {})}>
            {t('rich.message.undo')}
          </button>
        </div>
      )}
    </div>
  );
}
