import { useId, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Message } from '../../../../shared/schemas';
import { useNow } from '../../ui/use-now';
import { useStreamedTextValue } from './streamed-text';
import { formatDuration } from './usage-cost';

/** Elapsed time since `since`, ticking once a second while `live`; frozen when it stops. */
function useElapsed(since: number, live: boolean): number {
  return Math.max(0, useNow(live) - since);
}

/**
 * The model's reasoning, apart from its answer: collapsed by default, open while it is being
 * written with a live "Thinking mm:ss", then "Thought for mm:ss" once the answer starts.
 */
export function ReasoningBlock({ message, hint = -1 }: { message: Message; hint?: number }) {
  const { t } = useTranslation();
  const id = useId();
  // The growing reasoning re-renders this block only, not the message (streamed-text.ts).
  const streamed = useStreamedTextValue(message.id, hint, 'reasoning');
  const reasoning = (message.status === 'streaming' ? streamed : message.reasoning) ?? '';
  const live = message.status === 'streaming' && message.content === '';
  const elapsed = useElapsed(message.createdAt, live);
  const [expanded, setExpanded] = useState(false);
  if (!reasoning) return null;

  const duration = message.reasoningMs ?? (message.status === 'streaming' ? elapsed : null);
  const title = live
    ? t('branch.thinkingLive', { time: formatDuration(elapsed) })
    : duration !== null
      ? t('branch.thought', { time: formatDuration(duration) })
      : t('branch.thoughtNoTime');
  const open = live || expanded;
  return (
    <section className="reasoning" data-live={live} aria-label={title}>
      <button
        type="button"
        className="reasoning-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setExpanded(!open)}
      >
        <span className="reasoning-caret" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        {title}
      </button>
      {open && (
        <div id={id} className="reasoning-text">
          {reasoning}
        </div>
      )}
    </section>
  );
}
