import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from '../../i18n/use-translation';

/** How long Undo stays offered after a delete. */
export const UNDO_MS = 8000;

export interface PendingUndo {
  id: string;
  /** Changes with every delete, so a second delete restarts the timer. */
  token: number;
}

interface UndoToastProps {
  pending: PendingUndo | null;
  undoButton: RefObject<HTMLButtonElement | null>;
  onUndo(id: string): void;
  onExpire(id: string): void;
}

/**
 * "Conversation deleted · Undo". The status region is always in the page so screen readers announce
 * the message when it appears; it stays while it holds focus or the pointer, then expires.
 */
export function UndoToast({ pending, undoButton, onUndo, onExpire }: UndoToastProps) {
  const { t } = useTranslation();
  const region = useRef<HTMLDivElement>(null);
  const expire = useRef(onExpire);
  useEffect(() => {
    expire.current = onExpire;
  });

  useEffect(() => {
    if (!pending) return;
    let timer: ReturnType<typeof setTimeout>;
    const arm = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const el = region.current;
        // Not while the user is on it: that is someone about to press Undo.
        if (el && (el.matches(':hover') || el.contains(document.activeElement))) arm(1500);
        else expire.current(pending.id);
      }, ms);
    };
    arm(UNDO_MS);
    return () => clearTimeout(timer);
  }, [pending]);

  return (
    <div ref={region} className="undo-toast-region" role="status">
      {pending && (
        <div className="undo-toast">
          <span>{t('sidebar.deleted')}</span>
          <span aria-hidden="true"> · </span>
          <button ref={undoButton} type="button" className="undo-toast-button" onClick={() => onUndo(pending.id)}>
            {t('sidebar.undo')}
          </button>
        </div>
      )}
    </div>
  );
}
