import type { Message, MessageUsage, ModelSetting } from '../../../../shared/schemas';

export interface Cost {
  amount: number;
  currency: ModelSetting['currency'];
}

/** What an answer cost by the price table (per 1M tokens); null when its model has no price. */
export function messageCost(usage: MessageUsage | null | undefined, model: string | null, table: readonly ModelSetting[]): Cost | null {
  if (!usage || !model) return null;
  const price = table.find((m) => m.model === model);
  if (!price || (price.inputPrice === null && price.outputPrice === null)) return null;
  const amount = (usage.promptTokens * (price.inputPrice ?? 0) + usage.completionTokens * (price.outputPrice ?? 0)) / 1_000_000;
  return { amount, currency: price.currency };
}

export interface Totals {
  promptTokens: number;
  completionTokens: number;
  estimated: boolean;
  /** Per currency, for the answers whose model has a price. */
  costs: Cost[];
}

/** Every answer of the conversation counts, on every branch: each was paid for. */
export function conversationTotals(messages: readonly Message[], table: readonly ModelSetting[]): Totals {
  const totals: Totals = { promptTokens: 0, completionTokens: 0, estimated: false, costs: [] };
  for (const m of messages) {
    if (m.role !== 'assistant' || !m.usage) continue;
    totals.promptTokens += m.usage.promptTokens;
    totals.completionTokens += m.usage.completionTokens;
    totals.estimated ||= m.usage.estimated;
    const cost = messageCost(m.usage, m.model, table);
    if (!cost) continue;
    const same = totals.costs.find((c) => c.currency === cost.currency);
    if (same) same.amount += cost.amount;
    else totals.costs.push({ ...cost });
  }
  return totals;
}

export function formatCost(cost: Cost, locale: string): string {
  const digits = cost.amount > 0 && cost.amount < 0.01 ? 4 : 2;
  return new Intl.NumberFormat(locale, { style: 'currency', currency: cost.currency, maximumFractionDigits: digits, minimumFractionDigits: digits }).format(cost.amount);
}

/** mm:ss (h:mm:ss past an hour) for the thinking timer. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const s = String(total % 60).padStart(2, '0');
  const m = Math.floor(total / 60);
  if (m < 60) return `${String(m).padStart(2, '0')}:${s}`;
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}:${s}`;
}
