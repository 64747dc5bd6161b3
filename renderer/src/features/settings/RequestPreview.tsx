import { useTranslation } from '../../i18n/use-translation';
import { resolveBaseUrl } from '../../../../shared/base-url';

/**
 * Shows where chat requests will really go while the user types the base URL. Uses the same
 * resolver main sends with, so "/v1 or not" is visible before the first failed request.
 */
export function RequestPreview({ id, baseUrl, asTyped = false }: { id: string; baseUrl: string; asTyped?: boolean }) {
  const { t } = useTranslation();
  const resolved = resolveBaseUrl(baseUrl, { asTyped });
  if (resolved.ok) {
    return (
      <p id={id} className="field-help request-preview" aria-live="polite">
        <span>{t('settings.preview')}</span> <code className="request-url">{resolved.requestUrl}</code>
      </p>
    );
  }
  const message =
    resolved.reason === 'empty'
      ? t('settings.previewEmpty')
      : resolved.reason === 'scheme'
        ? t('settings.previewScheme')
        : t('settings.previewInvalid');
  return (
    <p id={id} className={`field-help request-preview${resolved.reason === 'empty' ? '' : ' is-invalid'}`} aria-live="polite">
      {message}
    </p>
  );
}
