import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Message } from '../../../../shared/schemas';
import { useConversationsStore } from '../../state/conversations-store';
import { asQuote, deleteMessage, forkFrom, plainTextOf, selectionWithin, useComposerInsert } from './actions';
import { EditAnswerDialog } from './EditAnswerDialog';
import './message-control.css';

interface Item {
  id: string;
  label: string;
  danger?: boolean;
}

/**
 * "⋯" under every finished message: copy as Markdown or plain text, quote (the selection, else the
 * whole message) into the composer, edit an answer, fork from here, delete with the branch below.
 * A menu button: arrow keys move, Enter picks, Esc closes and gives focus back.
 */
export function MessageMenu({ message, onError }: { message: Message; onError(error: unknown): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState('');
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  // Read when the menu opens: a click on the button would otherwise clear the selection first.
  const selection = useRef('');
  const title = useConversationsStore((s) => s.list.find((c) => c.id === message.conversationId)?.title ?? '');
  const article = () => button.current?.closest('article') ?? null;

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t('common.copied'));
    } catch {
      setStatus(t('common.copyFailed'));
    }
  };
  const items: Item[] = [
    { id: 'copy-md', label: t('rich.message.copyMarkdown') },
    { id: 'copy-text', label: t('rich.message.copyText') },
    { id: 'quote', label: t('rich.message.quote') },
    ...(message.role === 'assistant' ? [{ id: 'edit', label: t('rich.message.editAnswer') }] : []),
    { id: 'fork', label: t('rich.message.fork') },
    { id: 'delete', label: t('rich.message.delete'), danger: true },
  ];
  const run = (id: string): void | Promise<void> => {
    switch (id) {
      case 'copy-md':
        return copy(message.content);
      case 'copy-text':
        return copy(plainTextOf(message, article()));
      case 'quote':
        return useComposerInsert.getState().insert(asQuote(selection.current || plainTextOf(message, article())));
      case 'edit':
        return setEditing(true);
      case 'fork':
        return forkFrom(message.id, t('rich.message.forkTitle', { title: title || t('sidebar.untitled') }));
      case 'delete':
        return deleteMessage(message.id);
    }
  };

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node) && e.target !== button.current) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const entries = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => entries[(to + entries.length) % entries.length]?.focus();
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(entries.length - 1);
    else if (e.key === 'Escape' || e.key === 'Tab') {
      if (e.key === 'Escape') e.stopPropagation();
      close();
    } else return;
    if (e.key !== 'Tab') e.preventDefault();
  };

  return (
    <div className="message-menu">
      <button
        ref={button}
        type="button"
        className="icon-button icon-button-text-only"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('rich.message.more')}
        title={t('rich.message.more')}
        onMouseDown={() => (selection.current = selectionWithin(article()))}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ' || e.key === 'ArrowDown') selection.current = selectionWithin(article());
        }}
        onClick={() => setOpen((o) => !o)}
      >
        ⋯
      </button>
      {open && (
        <div ref={menu} className="message-menu-list" role="menu" aria-label={t('rich.message.more')} onKeyDown={onMenuKey}>
          {items.map((item) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={`message-menu-item${item.danger ? ' message-menu-danger' : ''}`}
              onClick={() => {
                close();
                void Promise.resolve(run(item.id)).catch(onError);
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
      <span className="visually-hidden" role="status">
        {status}
      </span>
      {editing && <EditAnswerDialog message={message} onClose={() => setEditing(false)} onError={onError} />}
    </div>
  );
}
