import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { retryStorage } from '../../state/fault-actions';
import { useFaultStore } from '../../state/fault-state';
import { AlertIcon } from '../../ui/icons';

/** Under an answer whose text on screen is ahead of the disk: "Disk full — N characters not saved yet", and Retry. */
export function UnsavedNotice({ messageId }: { messageId: string }) {
  const { t, i18n } = useTranslation();
  const state = useFaultStore((s) => s.unsaved[messageId]);
  const [busy, setBusy] = useState(false);
  if (!state?.problem) return null;
  const retry = () => {
    setBusy(true);
    void retryStorage()
      .catch(() => {})
      .finally(() => setBusy(false));
  };
  return (
    <p className="unsaved-notice" role="status" data-unsaved={state.unsaved}>
      <AlertIcon width={14} height={14} />
      <span>{t(`faults.unsaved.${state.problem}`, { chars: state.unsaved.toLocaleString(i18n.language) })}</span>
      <button type="button" className="button button-secondary button-small" onClick={retry} aria-disabled={busy}>
        {t('faults.unsaved.retry')}
      </button>
    </p>
  );
}
