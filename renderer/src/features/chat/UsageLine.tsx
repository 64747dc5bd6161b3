import { useTranslation } from '../../i18n/use-translation';
import type { Message } from '../../../../shared/schemas';
import { useAppStore } from '../../state/app-store';
import { formatCost, messageCost } from './usage-cost';

/** Tokens an answer used ("~" when estimated) and, with a price for its model, what it cost. */
export function UsageLine({ message }: { message: Message }) {
  const { t, i18n } = useTranslation();
  const table = useAppStore((s) => s.prefs?.modelSettings);
  const usage = message.usage;
  if (!usage) return null;
  const locale = i18n.language;
  const values = { prompt: usage.promptTokens.toLocaleString(locale), completion: usage.completionTokens.toLocaleString(locale) };
  const cost = messageCost(usage, message.model, table ?? []);
  return (
    <span className="message-usage" aria-label={t('branch.tokensLabel')} title={usage.estimated ? t('branch.estimatedHint') : undefined} data-estimated={usage.estimated}>
      {usage.estimated ? t('branch.tokensEstimated', values) : t('branch.tokens', values)}
      {cost && <span className="message-cost"> · {formatCost(cost, locale)}</span>}
    </span>
  );
}
