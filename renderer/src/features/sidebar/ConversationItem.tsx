import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../../../shared/schemas';
import { openConversation, pinConversation, renameConversation } from '../../state/conversation-actions';
import { conversationHref } from '../../state/location-hash';
import { PencilIcon, TrashIcon } from '../../ui/icons';
import { PinIcon } from './PinIcon';

interface ConversationItemProps {
  conversation: ConversationSummary;
  active: boolean;
  onDelete(conversation: ConversationSummary): void;
}

function PinButton({ conversation }: { conversation: ConversationSummary }) {
  const { t } = useTranslation();
  const pinned = !!conversation.pinned;
  const label = pinned ? t('sidebar.unpin') : t('sidebar.pin');
  return (
    <button
      type="button"
      className={`icon-button${pinned ? ' is-pinned' : ''}`}
      aria-label={label}
      title={label}
      onClick={() => void pinConversation(conversation.id, !pinned).catch(() => {})}
    >
      <PinIcon width={15} height={15} filled={pinned} />
    </button>
  );
}

function RenameField({ conversation, onDone }: { conversation: ConversationSummary; onDone(): void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(conversation.title);
  const input = useRef<HTMLInputElement>(null);
  const finished = useRef(false);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const finish = (save: boolean) => {
    if (finished.current) return;
    finished.current = true;
    const title = value.trim();
    if (save && title && title !== conversation.title) void renameConversation(conversation.id, title).catch(() => {});
    onDone();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      finish(true);
    } else if (e.key === 'Escape') {
      // Claimed here, so the global "Esc stops the reply" leaves it alone.
      e.preventDefault();
      finish(false);
    }
  };

  return (
    <input
      ref={input}
      className="conv-rename"
      aria-label={t('sidebar.renameField')}
      value={value}
      maxLength={200}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(true)}
    />
  );
}

/**
 * A sidebar entry: a link named by the title, plus Pin, Rename and Delete (undoable, so no
 * confirmation). On the link, F2 renames and Delete deletes.
 */
export const ConversationItem = memo(function ConversationItem({ conversation, active, onDelete }: ConversationItemProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const title = conversation.title || t('sidebar.untitled');

  return (
    <div className={`conv-item${active ? ' is-active' : ''}`}>
      {editing ? (
        <RenameField
          conversation={conversation}
          onDone={() => {
            setEditing(false);
            requestAnimationFrame(() => renameButton.current?.focus());
          }}
        />
      ) : (
        <a
          className="conv-link"
          href={conversationHref(conversation.id)}
          aria-current={active ? 'page' : undefined}
          aria-keyshortcuts="F2 Delete"
          title={title}
          onClick={(e) => {
            // Plain clicks stay in this window; modified clicks keep their browser meaning.
            if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
            e.preventDefault();
            void openConversation(conversation.id);
          }}
          onKeyDown={(e) => {
            if (e.key === 'F2') {
              e.preventDefault();
              setEditing(true);
            } else if (e.key === 'Delete') {
              e.preventDefault();
              onDelete(conversation);
            }
          }}
        >
          {title}
        </a>
      )}
      {!editing && (
        <div className="conv-actions">
          <PinButton conversation={conversation} />
          <button ref={renameButton} type="button" className="icon-button" aria-label={t('sidebar.rename')} title={t('sidebar.rename')} onClick={() => setEditing(true)}>
            <PencilIcon width={15} height={15} />
          </button>
          <button type="button" className="icon-button icon-button-danger" aria-label={t('sidebar.delete')} title={t('sidebar.delete')} onClick={() => onDelete(conversation)}>
            <TrashIcon width={15} height={15} />
          </button>
        </div>
      )}
    </div>
  );
});
