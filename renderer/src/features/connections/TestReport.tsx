import { useTranslation } from 'react-i18next';
import type { DiagnosticReport } from '../../../../shared/schemas';

/** The connection test's steps, the first failure in one sentence, the URL and the proxy used. Never the key. */
export function TestReport({ report, onUseSuggestion }: { report: DiagnosticReport; onUseSuggestion(url: string): void }) {
  const { t } = useTranslation();
  const failure = report.failure;
  return (
    <section className={`test-report${report.ok ? ' is-ok' : ' is-failed'}`} aria-label={t('connections.test.result')} role={report.ok ? 'status' : 'alert'}>
      <p className="test-report-summary">
        <strong>{report.ok ? t('connections.test.ok') : t(`connections.test.codes.${failure?.code ?? 'unknown'}`)}</strong>
        {failure?.status ? ` (HTTP ${failure.status})` : ''}
      </p>
      {failure?.providerMessage && <p className="field-help">{t('connections.test.providerMessage', { message: failure.providerMessage })}</p>}
      {report.suggestedBaseUrl && (
        <p className="test-report-fix">
          {t('connections.test.suggestion', { url: report.suggestedBaseUrl })}{' '}
          <button type="button" className="button button-secondary button-small" onClick={() => onUseSuggestion(report.suggestedBaseUrl!)}>
            {t('connections.test.useSuggestion', { url: report.suggestedBaseUrl })}
          </button>
        </p>
      )}
      <ol className="test-steps">
        {report.steps.map((s, i) => (
          <li key={`${s.step}-${i}`} className={s.ok ? 'step-ok' : 'step-failed'}>
            <span aria-hidden="true">{s.ok ? '✓' : '✗'} </span>
            {t(`connections.test.steps.${s.step}`)}: {s.ok ? t('connections.test.passed') : t('connections.test.failed')}
            {s.detail && <code className="test-step-detail"> {s.detail}</code>}
          </li>
        ))}
      </ol>
      {report.requestUrl && <p className="field-help">{t('connections.test.requestUrl', { url: report.requestUrl })}</p>}
      <p className="field-help">{t('connections.test.via', { proxy: report.proxy })}</p>
    </section>
  );
}
