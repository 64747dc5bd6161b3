import { useMemo } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useAppStore } from '../../state/app-store';
import type { Message } from '../../../../shared/schemas';
import { useChatStore } from '../../state/chat-store';
import { conversationTotals, formatCost } from './usage-cost';

let seen: readonly Message[] | null = null;
let priced: readonly Message[] = [];

/**
 * The answers that carry usage, as a new array only when a usage or model changed: streamed text
 * replaces the messages array ~20 times a second, and the totals (and their currency formatting)
 * don't need to be redone for that. The messages returned may hold stale text.
 */
function selectPriced(s: { messages: readonly Message[] }): readonly Message[] {
  if (s.messages === seen) return priced;
  seen = s.messages;
  const next = s.messages.filter((m) => m.role === 'assistant' && m.usage);
  const same = next.length === priced.length && next.every((m, i) => m.usage === priced[i]!.usage && m.model === priced[i]!.model);
  if (!same) priced = next;
  return priced;
}

/** Tokens (and cost, where priced) of every answer in the open conversation, all branches. */
export function ConversationTotals() {
  const { t, i18n } = useTranslation();
  const messages = useChatStore(selectPriced);
  // Every branch counts: a total over the loaded end of a conversation still opening would be too low.
  const complete = useChatStore((s) => s.complete);
  const table = useAppStore((s) => s.prefs?.modelSettings);
  const totals = useMemo(() => conversationTotals(messages, table ?? []), [messages, table]);
  const tokens = totals.promptTokens + totals.completionTokens;
  if (tokens === 0 || !complete) return null;
  const locale = i18n.language;
  return (
    <span className="conversation-totals" aria-label={t('branch.totalsLabel')} title={totals.estimated ? t('branch.estimatedHint') : undefined}>
      {totals.estimated ? '~' : ''}
      {t('branch.totals', { tokens: tokens.toLocaleString(locale) })}
      {totals.costs.map((c) => ` · ${formatCost(c, locale)}`).join('')}
    </span>
  );
}
