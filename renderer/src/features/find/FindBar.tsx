import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { buildThread } from '../../../../shared/message-tree';
import type { Message } from '../../../../shared/schemas';
import { useChatStore } from '../../state/chat-store';
import { whenComplete } from '../../state/conversation-actions';
import { useConversationsStore } from '../../state/conversations-store';
import { closeFind, useUiStore } from '../../state/ui-store';
import { ChevronDownIcon, ChevronUpIcon, CloseIcon } from '../../ui/icons';
import { requestReveal } from '../chat/reveal-message';
import { findMatches, visibleText } from './find-matches';
import { useFindHighlights } from './use-find-highlights';
import { afterNextFrame } from '../../ui/after-next-frame';

/** Plain text per message object: finished messages keep their identity, so each is parsed once. */
const textCache = new WeakMap<object, string>();
const cachedText = (m: Pick<Message, 'role' | 'content'>) => {
  let text = textCache.get(m);
  if (text === undefined) textCache.set(m, (text = visibleText(m)));
  return text;
};

/**
 * Ctrl/Cmd+F: find in the open conversation. Matches are counted in the messages (the list is
 * virtual, so the browser's own find sees only the rendered rows); next/previous bring the match's
 * message into the list, scroll to it and mark it.
 */
export function FindBar() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const focusToken = useUiStore((s) => s.findFocusToken);
  const messages = useChatStore((s) => s.messages);
  const openId = useChatStore((s) => s.openId);
  const activeLeafId = useConversationsStore((s) => s.list.find((c) => c.id === openId)?.activeLeafId);
  // Matches are counted over the whole conversation only: a count over its loaded end would change under the user.
  const complete = useChatStore((s) => s.complete);
  const path = useMemo(() => (complete ? buildThread(messages, activeLeafId).path : []), [complete, messages, activeLeafId]);
  const matches = useMemo(() => findMatches(path, query, cachedText), [path, query]);
  const at = matches.length === 0 ? -1 : Math.min(index, matches.length - 1);
  const current = at >= 0 ? matches[at]! : null;
  const currentKey = current ? `${current.messageId}:${current.occurrence}` : '';
  // Stable while the same match is current, so highlights are not rebuilt on every streamed chunk.
  const stableCurrent = useMemo(() => current, [currentKey]); // eslint-disable-line react-hooks/exhaustive-deps
  useFindHighlights(query, stableCurrent, true);

  // Opening schedules the rest of the tree itself; this covers a load that failed.
  const loaded = useChatStore((s) => s.load === 'ready');
  useEffect(() => (loaded && !complete ? afterNextFrame(() => void whenComplete().catch(() => {})) : undefined), [loaded, complete, openId]);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusToken]);
  useEffect(() => {
    if (stableCurrent) requestReveal(stableCurrent.messageId);
  }, [stableCurrent]);

  const step = (by: 1 | -1) => {
    if (matches.length === 0) return;
    setIndex(((at < 0 ? 0 : at) + by + matches.length) % matches.length);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (e.key === 'Enter' || e.key === 'F3') {
      e.preventDefault();
      step(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape') {
      // Claimed here, so the global "Esc stops the reply" leaves it alone.
      e.preventDefault();
      closeFind();
    }
  };

  const status = !query.trim() || !complete ? '' : matches.length === 0 ? t('find.none') : t('find.count', { current: at + 1, total: matches.length });
  return (
    <div className="find-bar" role="search" aria-label={t('find.label')}>
      <input
        ref={input}
        className="input find-input"
        type="search"
        aria-label={t('find.label')}
        aria-describedby="find-status"
        placeholder={t('find.placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setIndex(0);
        }}
        onKeyDown={onKeyDown}
        autoComplete="off"
        spellCheck={false}
      />
      <span id="find-status" className="find-status" role="status">
        {status}
      </span>
      <button type="button" className="icon-button" onClick={() => step(-1)} aria-label={t('find.previous')} title={`${t('find.previous')} (Shift+Enter)`} disabled={matches.length === 0}>
        <ChevronUpIcon width={16} height={16} />
      </button>
      <button type="button" className="icon-button" onClick={() => step(1)} aria-label={t('find.next')} title={`${t('find.next')} (Enter)`} disabled={matches.length === 0}>
        <ChevronDownIcon width={16} height={16} />
      </button>
      <button type="button" className="icon-button" onClick={closeFind} aria-label={t('find.close')} title={`${t('find.close')} (Esc)`}>
        <CloseIcon width={14} height={14} />
      </button>
    </div>
  );
}
