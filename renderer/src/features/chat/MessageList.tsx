import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { buildThread } from '../../../../shared/message-tree';
import { useTranslation } from '../../i18n/use-translation';
import type { Message } from '../../../../shared/schemas';
import { selectStreamingMessage, selectStructure, useChatStore } from '../../state/chat-store';
import { useConversationsStore } from '../../state/conversations-store';
import { ArrowDownIcon } from '../../ui/icons';
import { MessageItem } from './MessageItem';
import type { SiblingProps } from './MessageActions';
import { clearReveal, useRevealStore } from './reveal-message';
import { liveMessage } from './streamed-text';
import { useStickToBottom } from './use-stick-to-bottom';
import { afterNextFrame } from '../../ui/after-next-frame';

/** A first guess at a row's height; each row is measured once rendered. */
const ESTIMATED_ROW_PX = 160;
const estimateSize = () => ESTIMATED_ROW_PX;
/** Rows rendered beyond the viewport on each side. */
const OVERSCAN = 4;
/**
 * The message pane's height when a list last measured it (the window's, before any did). A list
 * mounts before its scroller can be measured; with this guess its first render already holds the
 * rows at the end, where a conversation opens, instead of the first rows (thrown away a frame later).
 */
let lastViewportPx = typeof window === 'undefined' ? 0 : window.innerHeight;

/**
 * One row's message, read live from the store. The list itself (thread structure, virtualizer)
 * re-renders only when messages are added or moved, and the row only when its message changes in
 * more than its streamed text, which goes to the Markdown directly (streamed-text.ts).
 */
function LiveMessageItem({ structural, hint, ...siblings }: { structural: Message; hint: number } & SiblingProps) {
  const message = useChatStore((s) => liveMessage(s, structural.id, hint)) ?? structural;
  return <MessageItem message={message} hint={hint} {...siblings} />;
}

/**
 * The open conversation's active path, virtualized: only the rows near the viewport are in the DOM
 * (the newest ones while following the answer). Reads only the message tree, never the composer.
 */
export function MessageList() {
  const { t } = useTranslation();
  // Structure only: appending streamed text doesn't change it (rows read their own text).
  const tree = useChatStore(selectStructure);
  const openId = useChatStore((s) => s.openId);
  const activeLeafId = useConversationsStore((s) => s.list.find((c) => c.id === openId)?.activeLeafId);
  const { path: messages, siblings } = useMemo(() => buildThread(tree, activeLeafId), [tree, activeLeafId]);
  // Path messages above the loaded end of a conversation still being opened: rows of their own, so
  // the list neither moves nor changes length when they arrive.
  const earlier = useChatStore((s) => s.earlier);
  const total = earlier + messages.length;
  const positions = useMemo(() => new Map(tree.map((m, i) => [m.id, i])), [tree]);
  const streaming = useChatStore((s) => !!selectStreamingMessage(s));
  const streamingNow = useRef(false);
  streamingNow.current = streaming;
  const revealTarget = useRevealStore((s) => s.target);
  const { scroller, content, atBottom, scrollToBottom, follow, unstick, stuck } = useStickToBottom();
  const rowsBox = useRef<HTMLDivElement>(null);
  const listHeight = useRef(0);
  const [scrollMargin, setScrollMargin] = useState(0);
  // The first frame of a conversation renders the rows in view only; the rows beyond it (for
  // scrolling) follow right after that frame, so opening doesn't wait for Markdown nobody sees yet.
  const [overscan, setOverscan] = useState(0);
  useEffect(() => afterNextFrame(() => setOverscan(OVERSCAN)), []);

  // Stable while the rows are: a new key function makes the virtualizer lay out all rows again
  // (2,000 in a long conversation) on every render of the list, however small its reason.
  const getItemKey = useCallback((i: number) => messages[i - earlier]?.id ?? `earlier-${i}`, [messages, earlier]);

  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; rows read the virtualizer each render.
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize,
    getItemKey,
    overscan,
    scrollMargin,
    initialRect: { width: 0, height: lastViewportPx },
    // Opening starts at the end (the layout effect below scrolls there): begin the range there too.
    initialOffset: () => Math.max(0, scrollMargin + total * ESTIMATED_ROW_PX - lastViewportPx),
    // A streaming row grows on every update: its new height moves the rows below and the list's
    // height straight in the DOM, inside the same frame, instead of through a React render that
    // costs a frame of its own (measured: one extra layout + paint per update).
    directDomUpdates: true,
    directDomUpdatesMode: 'position',
    // Called after those direct updates: a list grown by a streaming answer is followed in the same
    // frame. Not while a conversation opens: its rows are measured one by one as they mount, and a
    // follow after each would lay the page out again each time (the opening scrolls to the end itself).
    onChange: (instance) => {
      const height = instance.getTotalSize();
      if (streamingNow.current && height > listHeight.current) follow();
      listHeight.current = height;
    },
  });
  // While following the end, the follow alone moves the view: the virtualizer's own correction
  // writes its last known offset plus the change, a frame behind the follow, and pulls the view up.
  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = (item, _delta, instance) =>
    !stuck.current && item.end <= (instance.scrollOffset ?? 0);
  const setRowsBox = useCallback(
    (node: HTMLDivElement | null) => {
      rowsBox.current = node;
      virtualizer.containerRef(node);
    },
    [virtualizer],
  );

  // Rows are placed relative to the box, which sits below the log's top padding.
  useLayoutEffect(() => {
    const offset = rowsBox.current?.offsetTop ?? 0;
    setScrollMargin((m) => (m === offset ? m : offset));
  }, []);

  // Opening a conversation starts at its end.
  useLayoutEffect(() => {
    if (scroller.current) lastViewportPx = scroller.current.clientHeight;
    scrollToBottom();
    // The virtualizer keeps its own offset and writes it back as rows are measured: tell it too,
    // or it pulls the view up from the end by however much the rows' estimates were off.
    const last = virtualizer.options.count - 1;
    if (last >= 0) virtualizer.scrollToIndex(last, { align: 'end' });
  }, [openId, scrollToBottom, scroller, virtualizer]);

  // A new message (usually the user's own send) means "follow along" again; the rest of a
  // conversation arriving above does not change the count.
  const count = total;
  const lastCount = useRef(count);
  useEffect(() => {
    if (count > lastCount.current) scrollToBottom();
    lastCount.current = count;
  }, [count, scrollToBottom]);

  // A search hit: bring its row into the DOM (and stop following the bottom). Runs after the
  // effects above, so a conversation that just loaded lands on the hit, not at its end.
  const found = revealTarget ? messages.findIndex((m) => m.id === revealTarget) : -1;
  const revealIndex = found < 0 ? -1 : earlier + found;
  useEffect(() => {
    if (!revealTarget || revealIndex < 0) return;
    unstick();
    virtualizer.scrollToIndex(revealIndex, { align: 'center' });
    clearReveal(revealTarget);
  }, [revealTarget, revealIndex, unstick, virtualizer]);

  const items = virtualizer.getVirtualItems();
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
          <div className="message-rows" ref={setRowsBox}>
            {items.map((item) => {
              const m = messages[item.index - earlier];
              if (!m) {
                // Only seen by scrolling up within moments of opening: the row is filled when its message arrives.
                return (
                  <div key={item.key} className="message-row message-row-pending" data-index={item.index} ref={virtualizer.measureElement} aria-hidden="true" />
                );
              }
              const position = siblings.get(m.id);
              return (
                <div
                  key={item.key}
                  className="message-row"
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                >
                  <LiveMessageItem
                    structural={m}
                    hint={positions.get(m.id) ?? -1}
                    siblingIndex={position?.index ?? 0}
                    siblingCount={position?.count ?? 1}
                    previousId={position?.previousId ?? null}
                    nextId={position?.nextId ?? null}
                  />
                </div>
              );
            })}
          </div>
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
