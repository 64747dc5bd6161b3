import { useTranslation } from '../../i18n/use-translation';
import { switchBranch } from '../../state/branch-actions';

interface BranchSwitcherProps {
  index: number;
  count: number;
  previousId: string | null;
  nextId: string | null;
  onError(error: unknown): void;
}

/** ‹ 2/3 ›: moves between a message's versions (siblings) in place. */
export function BranchSwitcher({ index, count, previousId, nextId, onError }: BranchSwitcherProps) {
  const { t } = useTranslation();
  if (count < 2) return null;
  const go = (id: string | null) => id && void switchBranch(id).catch(onError);
  return (
    <span className="branch-switcher" role="group" aria-label={t('branch.positionLabel', { index: index + 1, count })}>
      <button type="button" className="icon-button" disabled={!previousId} onClick={() => go(previousId)} aria-label={t('branch.previous')} title={t('branch.previous')}>
        ‹
      </button>
      <span className="branch-position">{t('branch.position', { index: index + 1, count })}</span>
      <button type="button" className="icon-button" disabled={!nextId} onClick={() => go(nextId)} aria-label={t('branch.next')} title={t('branch.next')}>
        ›
      </button>
    </span>
  );
}
