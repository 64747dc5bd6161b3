import { memo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Message } from '../../../../shared/schemas';
import { Markdown } from '../markdown/Markdown';
import { MAX_PARSED_BLOCK_CHARS } from '../markdown/limits';
import { StreamingMarkdown } from '../markdown/StreamingMarkdown';
import { useAppStore } from '../../state/app-store';
import { editAndResend, regenerateAnswer } from '../../state/branch-actions';
import { UserBubble } from '../message-control/UserBubble';
import { EditMessageForm } from './EditMessageForm';
import { ErrorCard } from './ErrorCard';
import { MessageActions, RecoverActions, type SiblingProps } from './MessageActions';
import { ReasoningBlock } from './ReasoningBlock';
import { useStreamedText } from './streamed-text';
import { WaitingTimer } from './WaitingTimer';
import { UnsavedNotice } from '../faults/UnsavedNotice';

const UNKNOWN_ERROR = { code: 'unknown' } as const;

function StatusBadge({ status }: { status: Message['status'] }) {
  const { t } = useTranslation();
  if (status === 'stopped') return <p className="badge badge-muted">{t('chat.stopped')}</p>;
  if (status === 'interrupted') return <p className="badge badge-warn">{t('chat.interrupted')}</p>;
  return null;
}

function AssistantBody({ message, hint }: { message: Message; hint: number }) {
  const { t } = useTranslation();
  // While it streams, the answer's text goes straight to its Markdown (streamed-text.ts).
  const source = useStreamedText(message.id, hint, 'content');
  // Seen streaming in this view: stay on the block renderer when it finishes (its blocks are
  // already parsed). History loaded as finished renders in one pass.
  const [streamed, setStreamed] = useState(message.status === 'streaming');
  if (message.status === 'streaming' && !streamed) setStreamed(true);
  if (message.status === 'streaming') {
    if (!message.content) {
      if (message.reasoning) return null;
      return (
        <div className="thinking" role="status">
          <span className="dot" />
          <span className="dot" />
          <span className="dot" />
          <span className="visually-hidden">{t('chat.thinking')}</span>
          <WaitingTimer since={message.createdAt} />
        </div>
      );
    }
    return <StreamingMarkdown content={message.content} source={source} />;
  }
  if (!message.content) return null;
  // A very long answer from history is split into blocks and parsed in the worker too, rather
  // than in one pass on the main thread.
  if (streamed || message.content.length > MAX_PARSED_BLOCK_CHARS) return <StreamingMarkdown content={message.content} live={false} />;
  return (
    <div className="markdown">
      <Markdown content={message.content} />
    </div>
  );
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One message of the active path. Memoized on the message object and its sibling position (plain
 * values): while an answer streams every other row skips rendering, and so does the answer's own
 * row — its text reaches its Markdown and reasoning through subscriptions (streamed-text.ts).
 * `hint`: where the message usually sits in the store, for those subscriptions.
 */
export const MessageItem = memo(function MessageItem({ message, hint = -1, ...siblings }: { message: Message; hint?: number } & SiblingProps) {
  const { t } = useTranslation();
  const openSettings = useAppStore((s) => s.openSettings);
  const [editing, setEditing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const onError = (error: unknown) => setFailure(messageOf(error));
  const { role, status } = message;
  const finished = status !== 'streaming';

  return (
    <article className={`message message-${role}`} data-message-id={message.id} data-role={role} data-status={status} aria-label={t(`chat.role.${role}`)}>
      {role === 'user' ? (
        editing ? (
          <EditMessageForm
            initial={message.content}
            onCancel={() => setEditing(false)}
            onSubmit={(text) => {
              setEditing(false);
              void editAndResend(message.id, text).catch(onError);
            }}
          />
        ) : (
          <UserBubble message={message} />
        )
      ) : (
        <div className="assistant-body">
          <ReasoningBlock message={message} hint={hint} />
          <AssistantBody message={message} hint={hint} />
          <StatusBadge status={status} />
          <UnsavedNotice messageId={message.id} />
          {(status === 'stopped' || status === 'interrupted') && <RecoverActions message={message} onError={onError} />}
          {status === 'error' && (
            <ErrorCard
              error={message.error ?? UNKNOWN_ERROR}
              onOpenSettings={openSettings}
              onRetry={() => void regenerateAnswer(message.id).catch(onError)}
            />
          )}
        </div>
      )}
      {failure && (
        <p className="message-failure" role="alert">
          {t('branch.failed', { message: failure })}
        </p>
      )}
      {finished && !editing && <MessageActions message={message} onEdit={() => setEditing(true)} onError={onError} {...siblings} />}
    </article>
  );
});
