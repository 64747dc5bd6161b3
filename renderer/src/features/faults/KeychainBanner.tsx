import { useTranslation } from '../../i18n/use-translation';
import { useAppStore } from '../../state/app-store';
import { retryKeychain } from '../../state/fault-actions';
import { AlertIcon, KeyIcon } from '../../ui/icons';
import { useNow } from '../../ui/use-now';
import { bannerWorthy, keychainProblemText } from './keychain-text';
import { useBusyAction } from './use-busy-action';

/** Seconds until `at`, ticking once a second while shown. */
function useSecondsUntil(at: number | undefined): number | null {
  const now = useNow(!!at);
  return at ? Math.max(0, Math.ceil((at - now) / 1_000)) : null;
}

/**
 * The keychain stopped answering, is locked, or a call waits on it (a system prompt): says so over
 * the whole window with what to do, and when Ferry tries again by itself. Requests that need a key
 * are refused meanwhile; nothing goes out without it.
 */
export function KeychainBanner() {
  const { t } = useTranslation();
  const keychain = useAppStore((s) => s.info?.keychain);
  const { busy, run } = useBusyAction();
  const seconds = useSecondsUntil(keychain && !keychain.available ? keychain.retryAt : undefined);
  if (!keychain || !bannerWorthy(keychain)) return null;

  if (keychain.available && keychain.waiting) {
    return (
      <div className="fault-banner" role="status">
        <KeyIcon width={16} height={16} />
        <div className="fault-banner-text">
          <strong>{t('faults.keychain.waiting')}</strong> <span>{t('faults.keychain.waitingHint')}</span>
        </div>
      </div>
    );
  }
  const text = keychainProblemText(t, keychain.problem);
  return (
    <div className="fault-banner" role="alert" data-fault="keychain">
      <AlertIcon width={16} height={16} />
      <div className="fault-banner-text">
        <strong>{text.title}</strong> <span>{text.hint}</span>
        {seconds !== null && <span className="fault-banner-muted">{t('faults.followUp', { text: t('faults.keychain.nextTry', { seconds }) })}</span>}
        {keychain.reason && <p className="fault-banner-detail">{t('faults.keychain.detail', { reason: keychain.reason })}</p>}
      </div>
      <button type="button" className="button button-secondary button-small" onClick={() => run(retryKeychain)} aria-disabled={busy}>
        {t('faults.keychain.retry')}
      </button>
    </div>
  );
}
