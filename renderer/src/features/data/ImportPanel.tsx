import { useRef } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { ImportJob } from '../../../../shared/schemas';
import { appErrorText } from '../../i18n/error-text';
import { ConnectionOfferCard } from './ConnectionOfferCard';
import { formatBytes, formatCount } from './format';
import { isFinished, isRunning } from './import-job';
import { ImportPreview } from './ImportPreview';
import { cancelImport, commitImport, startImport, TOO_LARGE, useImportStore } from './import-store';

const FORMATS = ['chatgpt', 'nextchat', 'chatbox', 'cherry', 'ferry'] as const;

/**
 * Import: a file (chosen here or dropped on the window), its progress with Cancel, the preview,
 * then the result. The history changes only on "Import", in one transaction.
 */
export function ImportPanel() {
  const { t } = useTranslation();
  const job = useImportStore((s) => s.job);
  const failure = useImportStore((s) => s.failure);
  const input = useRef<HTMLInputElement>(null);
  // A finished import stays on screen (its result, its connection offers) above the button for the next.
  const picking = !job || isFinished(job);

  return (
    <div className="settings-form data-panel">
      <h4 className="data-title">{t('data.import.title')}</h4>
      <p className="field-help">{t('data.import.intro')}</p>
      <ul className="field-help import-formats">
        {FORMATS.map((f) => (
          <li key={f}>{t(`data.import.formats.${f}`)}</li>
        ))}
      </ul>
      {job && <JobView job={job} />}
      {failure !== null && <FailureNotice failure={failure} />}
      {picking && (
        <div>
          <input
            ref={input}
            type="file"
            hidden
            aria-label={t('data.import.chooseLabel')}
            accept=".json,.zip,application/json,application/zip"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void startImport(file);
            }}
          />
          <button type="button" className="button button-secondary" onClick={() => input.current?.click()}>
            {t('data.import.choose')}
          </button>
        </div>
      )}
    </div>
  );
}

function FailureNotice({ failure }: { failure: unknown }) {
  const { t } = useTranslation();
  const text = failure === TOO_LARGE ? { title: t('data.import.errors.too_large.title'), hint: t('data.import.errors.too_large.hint') } : appErrorText(t, failure);
  return (
    <div className="data-result is-error" role="alert">
      <strong>{text.title}</strong> {text.hint} {t('data.import.failedNothingChanged')}
    </div>
  );
}

function JobView({ job }: { job: ImportJob }) {
  const { t, i18n } = useTranslation();
  const committing = useImportStore((s) => s.committing);
  const lang = i18n.language;
  if (isRunning(job) || committing) {
    const text =
      job.state === 'uploading'
        ? t('data.import.uploading', { file: job.fileName, done: formatBytes(job.bytes, lang), total: formatBytes(job.totalBytes, lang) })
        : job.state === 'parsing'
          ? t('data.import.parsing', { file: job.fileName, conversations: formatCount(job.conversations, lang), messages: formatCount(job.messages, lang) })
          : t('data.import.committing');
    const determinate = job.state !== 'committing' && !committing && job.totalBytes > 0;
    return (
      <div className="import-progress">
        <p className="form-status" role="status">
          {text}
        </p>
        <div className="import-progress-row">
          <progress aria-label={t('data.import.progress')} max={determinate ? job.totalBytes : undefined} value={determinate ? job.bytes : undefined} />
          {job.state !== 'committing' && !committing && (
            <button type="button" className="button button-secondary button-small" onClick={() => void cancelImport()}>
              {t('data.import.cancel')}
            </button>
          )}
        </div>
      </div>
    );
  }
  const offers = job.preview?.connectionOffers ?? [];
  const offerCards = offers.length > 0 && (
    <div className="offer-list">
      {offers.map((offer, i) => (
        <ConnectionOfferCard key={`${offer.kind}-${offer.name}-${i}`} offer={offer} />
      ))}
    </div>
  );
  if (job.state === 'ready' && job.preview) {
    return (
      <>
        <ImportPreview preview={job.preview} />
        <div className="form-actions import-actions">
          <button type="button" className="button button-secondary" onClick={() => void cancelImport()}>
            {t('data.import.cancel')}
          </button>
          <button type="button" className="button button-primary" onClick={() => void commitImport()}>
            {t('data.import.start')}
          </button>
        </div>
        {offerCards}
      </>
    );
  }
  if (job.state === 'done' && job.result) {
    const r = job.result;
    const nothing = r.conversations === 0 && r.messages === 0 && r.assistants === 0;
    return (
      <>
        <p className="data-result is-ok" role="status">
          {nothing
            ? t('data.import.doneNothing')
            : t('data.import.done', { conversations: formatCount(r.conversations, lang), messages: formatCount(r.messages, lang), assistants: formatCount(r.assistants, lang) })}
        </p>
        {offerCards}
      </>
    );
  }
  if (job.state === 'cancelled') {
    return (
      <p className="form-status" role="status">
        {t('data.import.cancelled')}
      </p>
    );
  }
  if (job.state === 'failed' && job.error) {
    const code = job.error.code;
    return (
      <div className="data-result is-error" role="alert">
        <p>
          <strong>{t(`data.import.errors.${code}.title`)}</strong> {t(`data.import.errors.${code}.hint`)} {t('data.import.failedNothingChanged')}
        </p>
        {job.error.detail && (
          <details className="data-details">
            <summary>{t('data.import.details')}</summary>
            <code>{job.error.detail}</code>
          </details>
        )}
      </div>
    );
  }
  return null;
}
