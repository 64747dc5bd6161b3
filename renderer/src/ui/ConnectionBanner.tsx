import { useTranslation } from '../i18n/use-translation';
import { getApi } from '../api';
import { useAppStore } from '../state/app-store';
import { AlertIcon } from './icons';

/** Tells browser-host users when the page lost its link to Ferry; silent in Electron. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const bridge = useAppStore((s) => s.bridge);
  if (bridge === 'open' || bridge === 'connecting') return null;

  const [title, detail] =
    bridge === 'no-token'
      ? [t('banner.noToken'), t('banner.noTokenHint')]
      : bridge === 'unreachable'
        ? [t('banner.unreachable'), t('banner.unreachableHint')]
        : [t('banner.disconnected'), t('banner.reconnecting')];

  return (
    <div className="banner" role="alert">
      <AlertIcon width={16} height={16} />
      <strong>{title}</strong>
      <span className="banner-detail">{detail}</span>
      {bridge !== 'no-token' && (
        <button type="button" className="banner-action" onClick={() => getApi().reconnect()}>
          {t('banner.reconnectNow')}
        </button>
      )}
    </div>
  );
}
