import { describe, expect, it } from 'vitest';
import { closeModels } from '../../electron/services/diagnostics/model-match';

const LIST = ['gpt-4o', 'gpt-4o-mini', 'openai/gpt-4.1', 'deepseek-chat', 'deepseek-reasoner', 'Qwen/Qwen2.5-7B-Instruct'];

describe('closeModels', () => {
  it('offers the listed name for a typo, a missing vendor prefix, another case', () => {
    expect(closeModels('gpt-4o-mnii', LIST)[0]).toBe('gpt-4o-mini');
    expect(closeModels('gpt-4.1', LIST)[0]).toBe('openai/gpt-4.1');
    expect(closeModels('qwen2.5-7b-instruct', LIST)[0]).toBe('Qwen/Qwen2.5-7B-Instruct');
    expect(closeModels('DeepSeek-Chat', LIST)[0]).toBe('deepseek-chat');
  });
  it('offers nothing for an unrelated name or an empty one', () => {
    expect(closeModels('claude-3-opus', LIST)).toEqual([]);
    expect(closeModels('  ', LIST)).toEqual([]);
  });
  it('returns at most the limit', () => {
    expect(closeModels('gpt', LIST, 2)).toHaveLength(2);
  });
});
