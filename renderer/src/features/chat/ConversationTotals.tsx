import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';
import { useChatStore } from '../../state/chat-store';
import { conversationTotals, formatCost } from './usage-cost';

/** Tokens (and cost, where priced) of every answer in the open conversation, all branches. */
export function ConversationTotals() {
  const { t, i18n } = useTranslation();
  const messages = useChatStore((s) => s.messages);
  const table = useAppStore((s) => s.prefs?.modelSettings);
  const totals = useMemo(() => conversationTotals(messages, table ?? []), [messages, table]);
  const tokens = totals.promptTokens + totals.completionTokens;
  if (tokens === 0) return null;
  const locale = i18n.language;
  return (
    <span className="conversation-totals" aria-label={t('branch.totalsLabel')} title={totals.estimated ? t('branch.estimatedHint') : undefined}>
      {totals.estimated ? '~' : ''}
      {t('branch.totals', { tokens: tokens.toLocaleString(locale) })}
      {totals.costs.map((c) => ` · ${formatCost(c, locale)}`).join('')}
    </span>
  );
}
