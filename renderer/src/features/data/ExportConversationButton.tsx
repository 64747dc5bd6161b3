import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { ConversationExportFormat } from '../../../../shared/schemas';
import { appErrorText } from '../../i18n/error-text';
import { DownloadIcon } from '../../ui/icons';
import { Modal } from '../../ui/Modal';
import { CONVERSATION_FORMATS, exportConversation } from './export-conversation';
import './data.css';

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; file: string } | { kind: 'error'; message: string };

/** The chat header's export: the open conversation as Markdown, JSON or a web page, one click each. */
export function ExportConversationButton({ conversationId }: { conversationId: string }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';

  const run = async (format: ConversationExportFormat) => {
    if (status.kind === 'busy') return;
    setStatus({ kind: 'busy' });
    try {
      setStatus({ kind: 'done', file: await exportConversation(conversationId, format, lang) });
    } catch (err) {
      const text = appErrorText(t, err);
      setStatus({ kind: 'error', message: `${text.title} ${text.hint}` });
    }
  };
  const close = () => {
    setOpen(false);
    setStatus({ kind: 'idle' });
  };
  const line =
    status.kind === 'busy'
      ? t('data.export.exporting')
      : status.kind === 'done'
        ? t('data.export.exportedOne', { file: status.file })
        : status.kind === 'error'
          ? status.message
          : '';

  return (
    <>
      <button type="button" className="icon-button" onClick={() => setOpen(true)} aria-label={t('data.export.headerButton')} title={t('data.export.headerButton')}>
        <DownloadIcon width={16} height={16} />
      </button>
      {open && (
        <Modal title={t('data.export.headerTitle')} onClose={close} closeLabel={t('common.close')} className="modal-small export-dialog">
          <div className="modal-body export-choices">
            {CONVERSATION_FORMATS.map((format) => (
              <button key={format} type="button" className="button button-secondary" aria-disabled={status.kind === 'busy'} onClick={() => void run(format)}>
                {t(`data.export.formats.${format}`)}
              </button>
            ))}
            <p className={`form-status${status.kind === 'error' ? ' form-error' : status.kind === 'done' ? ' form-success' : ''}`} role={status.kind === 'error' ? 'alert' : 'status'}>
              {line}
            </p>
          </div>
        </Modal>
      )}
    </>
  );
}
