import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { BackupFile, ConversationExportFormat } from '../../../../shared/schemas';
import { getApi } from '../../api';
import { appErrorText } from '../../i18n/error-text';
import { useChatStore } from '../../state/chat-store';
import { useConversationsStore } from '../../state/conversations-store';
import { CopyButton } from '../../ui/CopyButton';
import { Field } from '../../ui/Field';
import { downloadBackup } from './download';
import { CONVERSATION_FORMATS, exportConversation } from './export-conversation';
import { formatBytes, formatCount } from './format';

type Status<T = string> = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; value: T } | { kind: 'error'; message: string };

/** One conversation as Markdown, JSON or a web page; everything as a Ferry backup. */
export function ExportPanel() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const conversations = useConversationsStore((s) => s.list);
  const openId = useChatStore((s) => s.openId);
  const [chosen, setChosen] = useState<string | null>(null);
  const [format, setFormat] = useState<ConversationExportFormat>('markdown');
  const [one, setOne] = useState<Status>({ kind: 'idle' });
  const [all, setAll] = useState<Status<BackupFile>>({ kind: 'idle' });
  const id = chosen ?? (conversations.some((c) => c.id === openId) ? openId : conversations[0]?.id) ?? null;

  const failed = (err: unknown) => {
    const text = appErrorText(t, err);
    return { kind: 'error' as const, message: `${text.title} ${text.hint}` };
  };
  const exportOne = async () => {
    if (!id || one.kind === 'busy') return;
    setOne({ kind: 'busy' });
    try {
      setOne({ kind: 'done', value: await exportConversation(id, format, lang) });
    } catch (err) {
      setOne(failed(err));
    }
  };
  const exportAll = async () => {
    if (all.kind === 'busy') return;
    setAll({ kind: 'busy' });
    try {
      const file = await getApi().call('export.backup', {});
      await downloadBackup(file.fileName);
      setAll({ kind: 'done', value: file });
    } catch (err) {
      setAll(failed(err));
    }
  };

  return (
    <div className="settings-form data-panel">
      <h4 className="data-title">{t('data.export.title')}</h4>
      {conversations.length === 0 ? (
        <p className="field-help">{t('data.export.noConversations')}</p>
      ) : (
        <div className="export-row">
          <Field label={t('data.export.conversation')}>
            {({ id: fieldId }) => (
              <select id={fieldId} className="select" value={id ?? ''} onChange={(e) => setChosen(e.target.value)}>
                {conversations.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title || t('sidebar.untitled')}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('data.export.format')}>
            {({ id: fieldId }) => (
              <select id={fieldId} className="select" value={format} onChange={(e) => setFormat(e.target.value as ConversationExportFormat)}>
                {CONVERSATION_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {t(`data.export.formats.${f}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      )}
      {conversations.length > 0 && (
        <div className="form-actions">
          <StatusLine status={one} busy={t('data.export.exporting')} done={(file) => t('data.export.exportedOne', { file })} />
          <button type="button" className="button button-secondary" aria-disabled={one.kind === 'busy'} onClick={() => void exportOne()}>
            {t('data.export.exportOne')}
          </button>
        </div>
      )}
      <p className="field-label">{t('data.export.allTitle')}</p>
      <p className="field-help">{t('data.export.allHelp')}</p>
      <div className="form-actions">
        <StatusLine
          status={all}
          busy={t('data.export.exporting')}
          done={(file) =>
            t('data.export.exportedAll', { size: formatBytes(file.size, lang), conversations: formatCount(file.conversations, lang), messages: formatCount(file.messages, lang) })
          }
        />
        <button type="button" className="button button-secondary" aria-disabled={all.kind === 'busy'} onClick={() => void exportAll()}>
          {t('data.export.exportAll')}
        </button>
      </div>
      {all.kind === 'done' && (
        <p className="export-path">
          <code className="request-url">{all.value.path}</code> <CopyButton getText={() => all.value.path} label={t('data.export.copyPath')} />
          <button type="button" className="button button-ghost button-small" onClick={() => void downloadBackup(all.value.fileName).catch((err: unknown) => setAll(failed(err)))}>
            {t('data.export.downloadAgain')}
          </button>
        </p>
      )}
    </div>
  );
}

function StatusLine<T>({ status, busy, done }: { status: Status<T>; busy: string; done(value: T): string }) {
  const text = status.kind === 'busy' ? busy : status.kind === 'done' ? done(status.value) : status.kind === 'error' ? status.message : '';
  return (
    <p className={`form-status${status.kind === 'error' ? ' form-error' : status.kind === 'done' ? ' form-success' : ''}`} role={status.kind === 'error' ? 'alert' : 'status'}>
      {text}
    </p>
  );
}
