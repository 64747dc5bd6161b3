import { describe, expect, it } from 'vitest';
import { deliversTo, parseWatch } from '../../electron/core/event-watch';
import type { AnyEvent } from '../../shared/events';

const delta = (conversationId: string): AnyEvent => ({ name: 'chat.delta', payload: { conversationId, messageId: 'm', part: 'content', offset: 0, text: 'x' } });
const updated: AnyEvent = { name: 'connections.changed', payload: {} };

describe('which events a page gets', () => {
  it("leaves out other conversations' streamed text only", () => {
    expect(deliversTo('a', delta('a'))).toBe(true);
    expect(deliversTo('a', delta('b'))).toBe(false);
    expect(deliversTo('a', updated)).toBe(true);
  });

  it('gives a page that watches none (a new chat without an id yet) everything', () => {
    expect(deliversTo(null, delta('b'))).toBe(true);
    expect(deliversTo(null, updated)).toBe(true);
  });

  it('reads what a page sent as a watch, or none when it is not one', () => {
    expect(parseWatch('conv-1')).toBe('conv-1');
    expect(parseWatch(null)).toBe(null);
    for (const bad of [42, '', 'x'.repeat(200), { id: 'a' }, undefined]) expect(parseWatch(bad)).toBe(null);
  });
});
