import { describe, expect, it } from 'vitest';
import { activePath, buildThread, limitContext, newestLeafUnder } from '../../shared/message-tree';
import { buildTurns, requestParams } from '../../electron/services/chat/build-turns';
import type { Message } from '../../shared/schemas';

let clock = 0;
const m = (id: string, parentId: string | null, role: Message['role'] = 'user', extra: Partial<Message> = {}): Message => ({
  id,
  conversationId: 'c',
  parentId,
  role,
  content: id,
  status: 'done',
  error: null,
  model: null,
  createdAt: ++clock,
  updatedAt: clock,
  ...extra,
});

// u1 → a1 ; u1 → a1b (regenerated) → u2 → a2 ; u1' (edited, sibling of u1) → a1'
const tree = [
  m('u1', null),
  m('a1', 'u1', 'assistant'),
  m('a1b', 'u1', 'assistant'),
  m('u2', 'a1b'),
  m('a2', 'u2', 'assistant'),
  m('u1e', null),
  m('a1e', 'u1e', 'assistant'),
];

describe('message tree', () => {
  it('follows parents from the active leaf to the root', () => {
    expect(activePath(tree, 'a2').map((x) => x.id)).toEqual(['u1', 'a1b', 'u2', 'a2']);
    expect(activePath(tree, 'a1').map((x) => x.id)).toEqual(['u1', 'a1']);
  });

  it('falls back to the newest message for a missing or stale leaf', () => {
    expect(activePath(tree, null).map((x) => x.id)).toEqual(['u1e', 'a1e']);
    expect(activePath(tree, 'gone').map((x) => x.id)).toEqual(['u1e', 'a1e']);
    expect(activePath([], 'x')).toEqual([]);
  });

  it('gives each message on the path its position among its siblings', () => {
    const { path, siblings } = buildThread(tree, 'a2');
    expect(path.map((x) => x.id)).toEqual(['u1', 'a1b', 'u2', 'a2']);
    expect(siblings.get('u1')).toEqual({ index: 0, count: 2, previousId: null, nextId: 'u1e' });
    expect(siblings.get('a1b')).toEqual({ index: 1, count: 2, previousId: 'a1', nextId: null });
    expect(siblings.get('u2')).toMatchObject({ index: 0, count: 1 });
  });

  it('switching to a sibling lands on the newest leaf under it', () => {
    expect(newestLeafUnder(tree, 'a1b')?.id).toBe('a2');
    expect(newestLeafUnder(tree, 'u1')?.id).toBe('a2');
    expect(newestLeafUnder(tree, 'a1')?.id).toBe('a1');
    expect(newestLeafUnder(tree, 'nope')).toBeNull();
  });

  it('limits context to the latest messages without starting on an answer', () => {
    const path = activePath(tree, 'a2');
    expect(limitContext(path, null).map((x) => x.id)).toEqual(['u1', 'a1b', 'u2', 'a2']);
    expect(limitContext(path, 2).map((x) => x.id)).toEqual(['u2', 'a2']);
    expect(limitContext(path, 3).map((x) => x.id)).toEqual(['u2', 'a2']);
    expect(limitContext(path, 10)).toHaveLength(4);
  });
});

describe('buildTurns', () => {
  const path = [m('q1', null), m('r1', 'q1', 'assistant', { reasoning: 'hmm' }), m('q2', 'r1'), m('bad', 'q2', 'assistant', { status: 'error' }), m('q3', 'q2')];

  it('puts the system prompt first and applies the context limit to the rest', () => {
    const turns = buildTurns(path, { settings: { systemPrompt: ' Be brief. ', contextMessages: 1 }, sendReasoning: false });
    expect(turns).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'q3' },
    ]);
  });

  it('skips failed answers and sends reasoning back only when asked', () => {
    const off = buildTurns(path, { settings: { systemPrompt: null, contextMessages: null }, sendReasoning: false });
    expect(off.map((t) => t.content)).toEqual(['q1', 'r1', 'q2', 'q3']);
    const on = buildTurns(path, { settings: { systemPrompt: '  ', contextMessages: null }, sendReasoning: true });
    expect(on[1]).toEqual({ role: 'assistant', content: '<think>hmm</think>\n\nr1' });
    expect(on[0]?.role).toBe('user');
  });
});

describe('requestParams', () => {
  it('sends only the parameters that are set, under their API names', () => {
    const none = { systemPrompt: null, contextMessages: null, temperature: null, topP: null, maxTokens: null };
    expect(requestParams(none)).toEqual({});
    expect(requestParams({ ...none, temperature: 0, topP: 0.5, maxTokens: 64 })).toEqual({ temperature: 0, top_p: 0.5, max_tokens: 64 });
  });
});
