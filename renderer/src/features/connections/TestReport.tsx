import { useEffect, useRef } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { DiagnosticReport } from '../../../../shared/schemas';

interface TestReportProps {
  report: DiagnosticReport;
  onUseSuggestion(url: string): void;
  onUseModel(model: string): void;
}

/**
 * The connection test's steps, the first failure in one sentence, the URL that failed and the proxy
 * used; close model names as one-click fixes. Never the key. Scrolled into view when it arrives.
 */
export function TestReport({ report, onUseSuggestion, onUseModel }: TestReportProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
  }, [report]);
  const failure = report.failure;
  const proxy = (['direct', 'system', 'invalid', 'direct (local address)'] as const).includes(report.proxy as 'direct')
    ? t(`connections.test.proxies.${report.proxy === 'direct (local address)' ? 'local' : (report.proxy as 'direct' | 'system' | 'invalid')}`)
    : report.proxy;
  return (
    <section ref={box} className={`test-report${report.ok ? ' is-ok' : ' is-failed'}`} aria-label={t('connections.test.result')} role={report.ok ? 'status' : 'alert'}>
      <p className="test-report-summary">
        <strong>{report.ok ? t('connections.test.ok') : t(`connections.test.codes.${failure?.code ?? 'unknown'}`, { model: failure?.detail ?? '' })}</strong>
        {failure?.status ? ` (HTTP ${failure.status})` : ''}
      </p>
      {failure?.providerMessage && <p className="field-help">{t('connections.test.providerMessage', { message: failure.providerMessage })}</p>}
      {report.modelSuggestions.length > 0 && (
        <div className="test-report-fix">
          <span>{t('connections.test.closeModels')}</span>
          {report.modelSuggestions.map((model) => (
            <button key={model} type="button" className="button button-secondary button-small" onClick={() => onUseModel(model)}>
              {t('connections.test.useModel', { model })}
            </button>
          ))}
        </div>
      )}
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
            {t('connections.test.stepLine', { step: t(`connections.test.steps.${s.step}`), result: s.ok ? t('connections.test.passed') : t('connections.test.failed') })}
            {s.detail && <code className="test-step-detail"> {s.detail}</code>}
          </li>
        ))}
      </ol>
      {report.failedUrl ? (
        <p className="field-help">{t('connections.test.failedUrl', { url: report.failedUrl })}</p>
      ) : (
        report.requestUrl && <p className="field-help">{t('connections.test.requestUrl', { url: report.requestUrl })}</p>
      )}
      <p className="field-help">{t('connections.test.via', { proxy })}</p>
    </section>
  );
}
