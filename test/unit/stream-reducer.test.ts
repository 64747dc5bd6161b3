import { describe, expect, it } from 'vitest';
import { finishStream, initialStreamState, reduceChunk, type StreamState } from '../../electron/services/upstream/stream-reducer';
import { flushThink, initialThinkState, splitThink } from '../../electron/services/upstream/think-splitter';
import type { StreamDelta } from '../../electron/services/upstream/types';
import { resolveUsage } from '../../electron/services/upstream/usage-estimate';

const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({ choices: [{ index: 0, delta, finish_reason: finish }] });

/** Runs payloads through the reducer and keeps every emitted delta. */
function run(payloads: unknown[], hold = false): { state: StreamState; deltas: StreamDelta[] } {
  let state = initialStreamState({ holdUntaggedReasoning: hold });
  const deltas: StreamDelta[] = [];
  for (const p of payloads) {
    state = reduceChunk(state, p);
    if (state.delta.content || state.delta.reasoning) deltas.push(state.delta);
  }
  state = finishStream(state);
  if (state.delta.content || state.delta.reasoning) deltas.push(state.delta);
  return { state, deltas };
}


/** Every way to cut `text` into pieces of `size` characters. */
const pieces = (text: string, size: number) => text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [];

describe('reduceChunk', () => {
  it('accumulates content and the finish reason, and is pure', () => {
    const start = initialStreamState();
    const after = reduceChunk(start, chunk({ content: 'Hel' }));
    expect(start.content).toBe('');
    expect(after).toMatchObject({ content: 'Hel', delta: { content: 'Hel' }, chunks: 1 });
    const { state } = run([chunk({ role: 'assistant', content: '' }), chunk({ content: 'Hel' }), chunk({ content: 'lo' }), chunk({}, 'length')]);
    expect(state).toMatchObject({ content: 'Hello', reasoning: '', finishReason: 'length', error: undefined, chunks: 4 });
  });

  it('ignores null, empty or missing choices, and non-objects', () => {
    const { state, deltas } = run([null, { choices: [] }, { id: 'x' }, 'text', 42, [1], chunk({ content: 'ok' }), { choices: [null] }]);
    expect(state.content).toBe('ok');
    expect(deltas).toEqual([{ content: 'ok' }]);
    expect(state.chunks).toBe(8);
  });

  it('takes usage from the final choices: [] chunk', () => {
    const { state } = run([chunk({ content: 'a' }), { choices: [], usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 } }]);
    expect(state.usage).toEqual({ promptTokens: 12, completionTokens: 3 });
    expect(run([{ usage: { prompt_tokens: 'x' } }]).state.usage).toBeNull();
  });

  it('reads reasoning from reasoning_content (DeepSeek) and reasoning (OpenRouter)', () => {
    const ds = run([chunk({ reasoning_content: 'Think ' }), chunk({ reasoning_content: 'hard.', content: null }), chunk({ content: 'Answer' })]);
    expect(ds.state).toMatchObject({ reasoning: 'Think hard.', content: 'Answer' });
    expect(ds.deltas).toEqual([{ reasoning: 'Think ' }, { reasoning: 'hard.' }, { content: 'Answer' }]);
    const or = run([chunk({ reasoning: 'Hmm' }), chunk({ content: 'Yes' })]);
    expect(or.state).toMatchObject({ reasoning: 'Hmm', content: 'Yes' });
  });

  it('keeps an error frame, with the text before it', () => {
    const { state } = run([chunk({ content: 'partial' }), { error: { message: 'boom', type: 'server_error' } }]);
    expect(state.content).toBe('partial');
    expect(state.error).toEqual({ error: { message: 'boom', type: 'server_error' } });
    expect(run([{ error: true, msg: 'nextchat' }]).state.error).toEqual({ error: true, msg: 'nextchat' });
    expect(run([{ error: null, ...chunk({ content: 'x' }) }]).state.error).toBeUndefined();
  });

  it('accepts a whole completion (a JSON body instead of a stream)', () => {
    const whole = { choices: [{ index: 0, message: { role: 'assistant', content: 'All at once', reasoning_content: 'R' }, finish_reason: 'stop' }], usage: { prompt_tokens: 5, completion_tokens: 3 } };
    expect(run([whole]).state).toMatchObject({ content: 'All at once', reasoning: 'R', finishReason: 'stop', usage: { promptTokens: 5, completionTokens: 3 } });
  });

  it('splits inline <think> reasoning out of the content', () => {
    const { state } = run([chunk({ content: '<think>Let me see.</think>\n\nThe answer.' })]);
    expect(state).toMatchObject({ reasoning: 'Let me see.', content: 'The answer.' });
  });
});

describe('splitThink', () => {
  const REASONING = 'Plan: 先想一想 <b>not a tag</b> then answer.';
  const ANSWER = 'Final answer with a </div> and <think> mention.';

  function feed(text: string, size: number, hold = false) {
    let state = initialThinkState(hold);
    let content = '';
    let reasoning = '';
    for (const piece of pieces(text, size)) {
      const step = splitThink(state, piece);
      state = step.state;
      content += step.delta.content ?? '';
      reasoning += step.delta.reasoning ?? '';
    }
    const end = flushThink(state);
    return { content: content + (end.delta.content ?? ''), reasoning: reasoning + (end.delta.reasoning ?? '') };
  }

  it.each([1, 2, 3, 5, 7, 8, 13, 1000])('separates tagged reasoning with tags split into %i-character pieces', (size) => {
    expect(feed(`<think>${REASONING}</think>\n\n${ANSWER}`, size)).toEqual({ reasoning: REASONING, content: ANSWER });
  });

  it.each([1, 2, 4, 9, 1000])('allows whitespace before <think> (%i-character pieces)', (size) => {
    expect(feed(`\n <think>${REASONING}</think>${ANSWER}`, size)).toEqual({ reasoning: REASONING, content: ANSWER });
  });

  it.each([1, 3, 6, 1000])('a lone </think> without opening tag ends held reasoning (%i-character pieces)', (size) => {
    expect(feed(`${REASONING}\n</think>\n\n${ANSWER}`, size, true)).toEqual({ reasoning: `${REASONING}\n`, content: ANSWER });
  });

  it('holding: untagged text with no </think> is released as answer at the end', () => {
    expect(feed('Just an answer.', 4, true)).toEqual({ reasoning: '', content: 'Just an answer.' });
  });

  it('not holding: untagged text streams as answer at once and a stray </think> is dropped', () => {
    const first = splitThink(initialThinkState(false), 'Hello ');
    expect(first.delta).toEqual({ content: 'Hello ' });
    expect(feed(`Answer</think> rest`, 1000)).toEqual({ reasoning: '', content: 'Answer rest' });
  });

  // Every split a stream can make of the tags, for both kinds of model: names that look like a
  // reasoner hold untagged text back, all others stream it at once.
  const SIZES = Array.from({ length: 13 }, (_, i) => i + 1);
  describe.each([false, true])('holding untagged text: %s', (hold) => {
    it.each(SIZES)('tagged reasoning in %i-character pieces', (size) => {
      expect(feed(`<think>${REASONING}</think>\n\n${ANSWER}`, size, hold)).toEqual({ reasoning: REASONING, content: ANSWER });
    });
    it.each(SIZES)('a lone </think> in %i-character pieces is never answer text', (size) => {
      const out = feed(`${REASONING}\n</think>\n\n${ANSWER}`, size, hold);
      expect(out.content).not.toContain('</think>');
      expect(out.content).not.toMatch(/<\/?t?h?i?n?k?>?$/);
      expect(out.content.endsWith(ANSWER)).toBe(true);
      if (hold) expect(out).toEqual({ reasoning: `${REASONING}\n`, content: ANSWER });
      else expect(out).toEqual({ reasoning: '', content: `${REASONING}\n\n\n${ANSWER}` });
    });
  });

  it.each(SIZES)('not holding: stray </think> tags anywhere in the answer are dropped (%i-character pieces)', (size) => {
    expect(feed('Answer</think> rest and </think>more</th', size)).toEqual({ reasoning: '', content: 'Answer rest and more</th' });
  });

  it('a <think> that is not at the start is answer text', () => {
    // (The closing tag is dropped: a non-reasoner's stray `</think>` is never answer text, split or not.)
    expect(feed(`Use the <think> tag like <think>this</think>.`, 3)).toEqual({ reasoning: '', content: 'Use the <think> tag like <think>this.' });
  });

  it('an unfinished <think> block is released as reasoning when the stream ends', () => {
    expect(feed('<think>still thinking</th', 4)).toEqual({ reasoning: 'still thinking</th', content: '' });
    expect(feed('<thi', 2)).toEqual({ reasoning: '', content: '<thi' });
  });

  it('streams reasoning while inside the tags instead of holding it', () => {
    const s1 = splitThink(initialThinkState(), '<think>abc');
    expect(s1.delta).toEqual({ reasoning: 'abc' });
    const s2 = splitThink(s1.state, 'def</thi');
    expect(s2.delta).toEqual({ reasoning: 'def' });
    expect(s2.state.pending).toBe('</thi');
  });
});

describe('resolveUsage', () => {
  const messages = [{ role: 'user' as const, content: 'Hello there, how are you?' }];

  it('uses the server figures when reported', () => {
    expect(resolveUsage({ promptTokens: 9, completionTokens: 2 }, messages, { content: 'x', reasoning: '' })).toEqual({ promptTokens: 9, completionTokens: 2, estimated: false });
  });

  it('estimates with the tokenizer otherwise, counting reasoning as output', () => {
    const none = resolveUsage(null, messages, { content: '', reasoning: '' });
    const some = resolveUsage(null, messages, { content: 'Fine, thanks. 我很好。', reasoning: '' });
    const more = resolveUsage(null, messages, { content: 'Fine, thanks. 我很好。', reasoning: 'Think first about the greeting.' });
    expect(none).toMatchObject({ completionTokens: 0, estimated: true });
    expect(none!.promptTokens).toBeGreaterThan(5);
    expect(some!.completionTokens).toBeGreaterThan(3);
    expect(more!.completionTokens).toBeGreaterThan(some!.completionTokens + 3);
    expect(some!.promptTokens).toBe(none!.promptTokens);
  });
});
