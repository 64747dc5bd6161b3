import { useTranslation } from '../../i18n/use-translation';
import { Facts } from '../../ui/Facts';
import type { ImportPreview as Preview } from '../../../../shared/schemas';
import { formatCount, formatDate } from './format';

/** The apps' own names, the same in every language. */
const APP_NAMES = { chatgpt: 'ChatGPT', nextchat: 'NextChat', chatbox: 'Chatbox', cherry: 'Cherry Studio' } as const;

/** What the file holds and what importing it would add: shown before anything changes. */
export function ImportPreview({ preview }: { preview: Preview }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const n = (value: number) => formatCount(value, lang);
  const rows: { label: string; value: string }[] = [
    {
      label: t('data.import.conversations'),
      value: n(preview.conversations) + (preview.alreadyImported > 0 ? ` · ${t('data.import.already', { n: n(preview.alreadyImported) })}` : ''),
    },
    { label: t('data.import.messages'), value: `${n(preview.messages)} · ${t('data.import.newMessages', { n: n(preview.newMessages) })}` },
  ];
  if (preview.branched > 0) rows.push({ label: t('data.import.branched'), value: n(preview.branched) });
  if (preview.attachments > 0 || preview.missingAttachments > 0) {
    rows.push({
      label: t('data.import.attachments'),
      value: n(preview.attachments) + (preview.missingAttachments > 0 ? ` · ${t('data.import.missingAttachments', { n: n(preview.missingAttachments) })}` : ''),
    });
  }
  if (preview.assistants > 0) rows.push({ label: t('data.import.assistants'), value: n(preview.assistants) });
  if (preview.prompts > 0) rows.push({ label: t('data.import.prompts'), value: n(preview.prompts) });
  if (preview.firstAt !== null && preview.lastAt !== null) {
    rows.push({ label: t('data.import.dates'), value: t('data.import.dateRange', { from: formatDate(preview.firstAt, lang), to: formatDate(preview.lastAt, lang) }) });
  }
  const skipped = preview.skipped.filter((s) => s.count > 0);
  return (
    <div className="import-preview">
      <h5 className="import-preview-title">
        {t('data.import.previewTitle', { format: preview.format === 'ferry' ? t('data.import.ferryBackup') : APP_NAMES[preview.format] })}
        {preview.sourceVersion && <span className="import-preview-version"> · {t('data.import.previewVersion', { version: preview.sourceVersion })}</span>}
      </h5>
      <Facts rows={rows} />
      {preview.newMessages === 0 && preview.alreadyImported > 0 && <p className="field-help">{t('data.import.nothingNew')}</p>}
      {skipped.length > 0 && (
        <div className="import-skipped">
          <p className="field-label">{t('data.import.skippedTitle')}</p>
          <ul>
            {skipped.map((s) => (
              <li key={s.reason}>{t(`data.import.skipped.${s.reason}`, { n: n(s.count) })}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
