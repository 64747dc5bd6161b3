import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { buildThread } from '../../../../shared/message-tree';
import { useTranslation } from 'react-i18next';
import { selectStreamingMessage, useChatStore } from '../../state/chat-store';
import { useConversationsStore } from '../../state/conversations-store';
import { ArrowDownIcon } from '../../ui/icons';
import { MessageItem } from './MessageItem';
import { useStickToBottom } from './use-stick-to-bottom';

/** The open conversation's active path. Reads only the message tree, never the composer's text. */
export function MessageList() {
  const { t } = useTranslation();
  const tree = useChatStore((s) => s.messages);
  const openId = useChatStore((s) => s.openId);
  const activeLeafId = useConversationsStore((s) => s.list.find((c) => c.id === openId)?.activeLeafId);
  const { path: messages, siblings } = useMemo(() => buildThread(tree, activeLeafId), [tree, activeLeafId]);
  const streaming = useChatStore((s) => !!selectStreamingMessage(s));
  const { scroller, content, atBottom, scrollToBottom } = useStickToBottom();

  // Opening a conversation starts at its end.
  useLayoutEffect(() => {
    scrollToBottom();
  }, [openId, scrollToBottom]);

  // A new message (usually the user's own send) means "follow along" again.
  const count = messages.length;
  const lastCount = useRef(count);
  useEffect(() => {
    if (count > lastCount.current) scrollToBottom();
    lastCount.current = count;
  }, [count, scrollToBottom]);

  return (
    <div className="message-pane">
      <div className="message-scroller" ref={scroller}>
        <div
          className="message-log"
          ref={content}
          role="log"
          aria-label={t('chat.log')}
          // Announce a finished answer once instead of every streamed fragment.
          aria-busy={streaming}
        >
          {messages.map((m) => {
            const position = siblings.get(m.id);
            return (
              <MessageItem
                key={m.id}
                message={m}
                siblingIndex={position?.index ?? 0}
                siblingCount={position?.count ?? 1}
                previousId={position?.previousId ?? null}
                nextId={position?.nextId ?? null}
              />
            );
          })}
        </div>
      </div>
      {!atBottom && (
        <button type="button" className="scroll-latest" onClick={scrollToBottom} aria-label={t('chat.scrollToLatest')} title={t('chat.scrollToLatest')}>
          <ArrowDownIcon width={16} height={16} />
        </button>
      )}
    </div>
  );
}
