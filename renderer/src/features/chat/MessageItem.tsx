import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../shared/schemas';
import { Markdown } from '../markdown/Markdown';
import { StreamingMarkdown } from '../markdown/StreamingMarkdown';
import { useAppStore } from '../../state/app-store';
import { CopyButton } from '../../ui/CopyButton';
import { ErrorCard } from './ErrorCard';

const UNKNOWN_ERROR = { code: 'unknown' } as const;

function StatusBadge({ status }: { status: Message['status'] }) {
  const { t } = useTranslation();
  if (status === 'stopped') return <p className="badge badge-muted">{t('chat.stopped')}</p>;
  if (status === 'interrupted') return <p className="badge badge-warn">{t('chat.interrupted')}</p>;
  return null;
}

function AssistantBody({ message }: { message: Message }) {
  const { t } = useTranslation();
  // Seen streaming in this view: stay on the block renderer when it finishes (its blocks are
  // already parsed). History loaded as finished renders in one pass.
  const [streamed, setStreamed] = useState(message.status === 'streaming');
  if (message.status === 'streaming' && !streamed) setStreamed(true);
  if (message.status === 'streaming') {
    if (!message.content) {
      return (
        <div className="thinking" role="status">
          <span className="dot" />
          <span className="dot" />
          <span className="dot" />
          <span className="visually-hidden">{t('chat.thinking')}</span>
        </div>
      );
    }
    return <StreamingMarkdown content={message.content} />;
  }
  if (!message.content) return null;
  if (streamed) return <StreamingMarkdown content={message.content} live={false} />;
  return (
    <div className="markdown">
      <Markdown content={message.content} />
    </div>
  );
}

/**
 * One message. Memoized on the message object: the store replaces only the message that changed,
 * so while an answer streams every other row skips rendering.
 */
export const MessageItem = memo(function MessageItem({ message }: { message: Message }) {
  const { t } = useTranslation();
  const openSettings = useAppStore((s) => s.openSettings);
  const { role, status } = message;
  const finished = status !== 'streaming';

  return (
    <article className={`message message-${role}`} data-role={role} data-status={status} aria-label={t(`chat.role.${role}`)}>
      {role === 'user' ? (
        <div className="bubble">{message.content}</div>
      ) : (
        <div className="assistant-body">
          <AssistantBody message={message} />
          <StatusBadge status={status} />
          {status === 'error' && <ErrorCard error={message.error ?? UNKNOWN_ERROR} onOpenSettings={openSettings} />}
        </div>
      )}
      {finished && message.content && (
        <div className="message-actions">
          <CopyButton getText={() => message.content} label={t('chat.copyMessage')} />
          {role === 'assistant' && message.model && <span className="message-model">{message.model}</span>}
        </div>
      )}
    </article>
  );
});
