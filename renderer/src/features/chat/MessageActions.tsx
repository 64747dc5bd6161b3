import { useTranslation } from '../../i18n/use-translation';
import type { Message } from '../../../../shared/schemas';
import { continueAnswer, regenerateAnswer } from '../../state/branch-actions';
import { CopyButton } from '../../ui/CopyButton';
import { PencilIcon } from '../../ui/icons';
import { MessageMenu } from '../message-control/MessageMenu';
import { useShortcutHint, withShortcut } from '../shortcuts/use-shortcuts';
import { BranchSwitcher } from './BranchSwitcher';
import { UsageLine } from './UsageLine';

export interface SiblingProps {
  siblingIndex: number;
  siblingCount: number;
  previousId: string | null;
  nextId: string | null;
}

interface ActionProps extends SiblingProps {
  message: Message;
  onEdit(): void;
  onError(error: unknown): void;
}

/** "Continue" and "Regenerate" for an answer that was stopped or cut off. */
export function RecoverActions({ message, onError }: { message: Message; onError(error: unknown): void }) {
  const { t } = useTranslation();
  return (
    <div className="message-recover">
      <button type="button" className="button button-secondary" onClick={() => void continueAnswer(message.id).catch(onError)}>
        {t('branch.continue')}
      </button>
      <button type="button" className="button button-secondary" onClick={() => void regenerateAnswer(message.id).catch(onError)}>
        {t('branch.regenerate')}
      </button>
    </div>
  );
}

/**
 * The row under a finished message: versions ‹ 2/3 ›, copy, edit or regenerate, model, tokens and
 * cost. One set of actions per state: a stopped or cut-off answer already offers Continue and
 * Regenerate above, a failed one Retry in its error card, so ↻ is only for a finished answer.
 */
export function MessageActions({ message, onEdit, onError, siblingIndex, siblingCount, previousId, nextId }: ActionProps) {
  const { t } = useTranslation();
  const isUser = message.role === 'user';
  const regenerate = useShortcutHint('regenerate');
  return (
    <div className="message-actions">
      <BranchSwitcher index={siblingIndex} count={siblingCount} previousId={previousId} nextId={nextId} onError={onError} />
      {message.content && <CopyButton getText={() => message.content} label={t('chat.copyMessage')} />}
      {isUser ? (
        <button type="button" className="icon-button" onClick={onEdit} aria-label={t('branch.edit')} title={t('branch.edit')}>
          <PencilIcon width={16} height={16} />
        </button>
      ) : (
        message.status === 'done' && (
          <button
            type="button"
            className="icon-button icon-button-text-only"
            onClick={() => void regenerateAnswer(message.id).catch(onError)}
            aria-label={t('branch.regenerate')}
            title={withShortcut(t('branch.regenerate'), regenerate)}
          >
            ↻
          </button>
        )
      )}
      <MessageMenu message={message} onError={onError} />
      {!isUser && message.model && <span className="message-model">{message.model}</span>}
      {!isUser && <UsageLine message={message} />}
    </div>
  );
}
