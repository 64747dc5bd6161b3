import { useTranslation } from '../../i18n/use-translation';
import { retryStorage } from '../../state/fault-actions';
import { useFaultStore } from '../../state/fault-state';
import { AlertIcon } from '../../ui/icons';
import { useBusyAction } from './use-busy-action';

/** Under an answer whose text on screen is ahead of the disk: "Disk full — N characters not saved yet", and Retry. */
export function UnsavedNotice({ messageId }: { messageId: string }) {
  const { t, i18n } = useTranslation();
  const state = useFaultStore((s) => s.unsaved[messageId]);
  const { busy, run } = useBusyAction();
  if (!state?.problem) return null;
  return (
    <p className="unsaved-notice" role="status" data-unsaved={state.unsaved}>
      <AlertIcon width={14} height={14} />
      <span>{t(`faults.unsaved.${state.problem}`, { chars: state.unsaved.toLocaleString(i18n.language) })}</span>
      <button type="button" className="button button-secondary button-small" onClick={() => run(retryStorage)} aria-disabled={busy}>
        {t('faults.unsaved.retry')}
      </button>
    </p>
  );
}
