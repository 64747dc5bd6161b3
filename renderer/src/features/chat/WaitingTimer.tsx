import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { formatDuration } from './usage-cost';

/**
 * "Waiting for the first token · 0:42": how long the request has waited for its first byte, ticking
 * once a second. role=timer is not announced on every tick.
 */
export function WaitingTimer({ since }: { since: number }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <span className="waiting-timer" role="timer">
      {t('branch.waiting', { time: formatDuration(Math.max(0, now - since)) })}
    </span>
  );
}
