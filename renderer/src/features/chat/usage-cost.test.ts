import { describe, expect, it } from 'vitest';
import type { Message, ModelSetting } from '../../../../shared/schemas';
import { conversationTotals, formatCost, formatDuration, messageCost } from './usage-cost';

const table: ModelSetting[] = [
  { model: 'gpt', inputPrice: 2, outputPrice: 8, currency: 'USD', sendReasoning: false },
  { model: 'ds', inputPrice: 4, outputPrice: 16, currency: 'CNY', sendReasoning: true },
  { model: 'free', inputPrice: null, outputPrice: null, currency: 'USD', sendReasoning: false },
];
const answer = (model: string, promptTokens: number, completionTokens: number, estimated = false): Message => ({
  id: `${model}-${promptTokens}`,
  conversationId: 'c',
  parentId: null,
  role: 'assistant',
  content: 'x',
  status: 'done',
  error: null,
  model,
  createdAt: 1,
  updatedAt: 1,
  usage: { promptTokens, completionTokens, estimated },
});

describe('usage and cost', () => {
  it('prices input and output tokens per million', () => {
    expect(messageCost({ promptTokens: 1_000_000, completionTokens: 500_000, estimated: false }, 'gpt', table)).toEqual({ amount: 6, currency: 'USD' });
    expect(messageCost({ promptTokens: 10, completionTokens: 10, estimated: false }, 'free', table)).toBeNull();
    expect(messageCost({ promptTokens: 10, completionTokens: 10, estimated: false }, 'unknown', table)).toBeNull();
    expect(messageCost(null, 'gpt', table)).toBeNull();
  });

  it('totals every answer, per currency, and remembers that some figures were estimated', () => {
    const totals = conversationTotals([answer('gpt', 1000, 2000), answer('ds', 1000, 1000, true), answer('gpt', 500_000, 0)], table);
    expect(totals).toMatchObject({ promptTokens: 502_000, completionTokens: 3000, estimated: true });
    expect(totals.costs).toEqual([
      { amount: (1000 * 2 + 2000 * 8 + 500_000 * 2) / 1e6, currency: 'USD' },
      { amount: (1000 * 4 + 1000 * 16) / 1e6, currency: 'CNY' },
    ]);
  });

  it('formats money and the thinking timer', () => {
    expect(formatCost({ amount: 1.5, currency: 'USD' }, 'en')).toBe('$1.50');
    expect(formatCost({ amount: 0.0012, currency: 'USD' }, 'en')).toBe('$0.0012');
    expect(formatCost({ amount: 2, currency: 'CNY' }, 'zh-CN')).toBe('¥2.00');
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(75_400)).toBe('01:15');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
  });
});
