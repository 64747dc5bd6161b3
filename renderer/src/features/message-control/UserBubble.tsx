import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Message } from '../../../../shared/schemas';
import { MessageAttachments } from '../attachments/MessageAttachments';
import { foldedPreview } from './fold';
import './message-control.css';

/** A user message: its files, then its text — folded with "Show more" when long. */
export function UserBubble({ message }: { message: Message }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const preview = open ? null : foldedPreview(message.content);
  return (
    <div className="user-content">
      {message.attachments && message.attachments.length > 0 && <MessageAttachments attachments={message.attachments} />}
      {message.content && (
        <div className={`bubble${preview !== null ? ' bubble-folded' : ''}`}>
          {preview ?? message.content}
          {preview !== null && (
            <button type="button" className="bubble-fold-toggle" onClick={() => setOpen(true)} aria-expanded={false}>
              {t('rich.message.showMore', { chars: message.content.length.toLocaleString(i18n.language) })}
            </button>
          )}
          {open && foldedPreview(message.content) !== null && (
            <button type="button" className="bubble-fold-toggle" onClick={() => setOpen(false)} aria-expanded>
              {t('rich.message.showLess')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
