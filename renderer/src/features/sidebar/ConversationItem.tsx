import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { ConversationSummary } from '../../../../shared/schemas';
import { openConversation, pinConversation, renameConversation } from '../../state/conversation-actions';
import { PencilIcon, TrashIcon } from '../../ui/icons';
import { PinIcon } from './PinIcon';

interface ConversationItemProps {
  conversation: ConversationSummary;
  /** The conversation on screen: the listbox's selected option. */
  active: boolean;
  /** The list's one Tab stop (roving tabindex). */
  tabbable: boolean;
  optionId: string;
  onDelete(conversation: ConversationSummary): void;
  /** Called with this entry's conversation id (one callback for every entry keeps them memoized). */
  onFocused(id: string): void;
}

function PinButton({ conversation }: { conversation: ConversationSummary }) {
  const { t } = useTranslation();
  const pinned = !!conversation.pinned;
  const label = pinned ? t('sidebar.unpin') : t('sidebar.pin');
  return (
    <button
      type="button"
      tabIndex={-1}
      className={`icon-button${pinned ? ' is-pinned' : ''}`}
      title={`${label} (P)`}
      onClick={() => void pinConversation(conversation.id, !pinned).catch(() => {})}
    >
      <PinIcon width={15} height={15} filled={pinned} />
      <span className="visually-hidden">{label}</span>
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
 * A sidebar entry: an option of the conversation listbox, named by its title. On the option, Enter
 * opens, F2 renames, Delete deletes (undoable, so no confirmation), P pins. The hover buttons do
 * the same for the mouse; they sit outside the option and out of the Tab order, so the list stays
 * one Tab stop and a screen reader hears one option per conversation.
 */
export const ConversationItem = memo(function ConversationItem({ conversation, active, tabbable, optionId, onDelete, onFocused }: ConversationItemProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const option = useRef<HTMLDivElement>(null);
  const title = conversation.title || t('sidebar.untitled');
  const open = () => void openConversation(conversation.id);

  return (
    <div className={`conv-item${active ? ' is-active' : ''}`}>
      {editing ? (
        <RenameField
          conversation={conversation}
          onDone={() => {
            setEditing(false);
            requestAnimationFrame(() => option.current?.focus());
          }}
        />
      ) : (
        <div
          ref={option}
          id={optionId}
          role="option"
          className="conv-link"
          aria-selected={active}
          aria-keyshortcuts="Enter F2 Delete P"
          tabIndex={tabbable ? 0 : -1}
          title={title}
          data-conversation-id={conversation.id}
          onFocus={() => onFocused(conversation.id)}
          onClick={open}
          onKeyDown={(e) => {
            if (e.altKey || e.ctrlKey || e.metaKey) return;
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              open();
            } else if (e.key === 'F2') {
              e.preventDefault();
              setEditing(true);
            } else if (e.key === 'Delete') {
              e.preventDefault();
              onDelete(conversation);
            } else if (e.key.toLowerCase() === 'p' && !e.shiftKey) {
              e.preventDefault();
              void pinConversation(conversation.id, !conversation.pinned).catch(() => {});
            }
          }}
        >
          {title}
        </div>
      )}
      {!editing && (
        <div className="conv-actions" aria-hidden="true">
          <PinButton conversation={conversation} />
          <button type="button" tabIndex={-1} className="icon-button" title={`${t('sidebar.rename')} (F2)`} onClick={() => setEditing(true)}>
            <PencilIcon width={15} height={15} />
            <span className="visually-hidden">{t('sidebar.rename')}</span>
          </button>
          <button type="button" tabIndex={-1} className="icon-button icon-button-danger" title={`${t('sidebar.delete')} (Delete)`} onClick={() => onDelete(conversation)}>
            <TrashIcon width={15} height={15} />
            <span className="visually-hidden">{t('sidebar.delete')}</span>
          </button>
        </div>
      )}
    </div>
  );
});
