import { useTranslation } from '../../i18n/use-translation';
import type { UpstreamError } from '../../../../shared/schemas';
import { upstreamErrorText } from '../../i18n/error-text';
import { AlertIcon } from '../../ui/icons';

interface ErrorCardProps {
  error: UpstreamError;
  onOpenSettings(): void;
  /** Ask again (a new answer beside this one); absent where there is nothing to retry. */
  onRetry?(): void;
}

/**
 * Why an answer failed: our title and fix hint in the user's language, then the provider's own
 * words untouched (relays often explain themselves better than any status code), status and
 * endpoint so the user can tell which server said it.
 */
export function ErrorCard({ error, onOpenSettings, onRetry }: ErrorCardProps) {
  const { t } = useTranslation();
  const { title, hint } = upstreamErrorText(t, error.code);
  const endpoint = `${error.host ?? ''}${error.path ?? ''}`;
  return (
    <div className="error-card" role="group" aria-label={title}>
      <div className="error-card-head">
        <AlertIcon width={18} height={18} />
        <strong className="error-card-title">{title}</strong>
      </div>
      <p className="error-card-hint">{hint}</p>
      {error.retryAfterSeconds !== undefined && (
        <p className="error-card-retry-after">{t('errorCard.retryAfter', { seconds: Math.ceil(error.retryAfterSeconds) })}</p>
      )}
      {error.param && (
        <p className="error-card-param">
          {t('errorCard.param', { param: '' })}
          <code>{error.param}</code>
        </p>
      )}
      {error.providerMessage && (
        <figure className="error-card-provider">
          <figcaption>{t('errorCard.providerMessage')}</figcaption>
          <pre>{error.providerMessage}</pre>
        </figure>
      )}
      {(error.status !== undefined || endpoint) && (
        <p className="error-card-meta">
          {error.status !== undefined && <span className="pill">{t('errorCard.status', { status: error.status })}</span>}
          {endpoint && (
            <span className="error-card-endpoint">
              <span className="visually-hidden">{t('errorCard.endpoint')} </span>
              <code>{endpoint}</code>
            </span>
          )}
        </p>
      )}
      <div className="error-card-actions">
        {onRetry && (
          <button type="button" className="button button-primary" onClick={onRetry}>
            {t('branch.retry')}
          </button>
        )}
        <button type="button" className="button button-secondary" onClick={onOpenSettings}>
          {onRetry ? t('branch.editConnection') : t('errorCard.openSettings')}
        </button>
      </div>
    </div>
  );
}
