import { describe, expect, it, vi } from 'vitest';
import type { Message } from '../../../shared/schemas';
import { DeltaCoalescer, type CoalescerDeps, type PartAppends } from './delta-coalescer';

const message = (content: string): Message => ({
  id: 'm1',
  conversationId: 'c1',
  parentId: null,
  role: 'assistant',
  content,
  status: 'streaming',
  error: null,
  model: 'gpt',
  createdAt: 1,
  updatedAt: 1,
});

/** A fake store and a manual clock; scheduled callbacks run once their time has come. */
function harness(initial = '') {
  let current = message(initial);
  const frames: { cb: () => void; at: number }[] = [];
  let now = 1_000;
  const deps: CoalescerDeps = {
    getMessage: (id) => (id === current.id ? current : undefined),
    isOpen: (id) => id === 'c1',
    holdUnknown: () => false,
    apply: vi.fn((appends: ReadonlyMap<string, PartAppends>) => {
      const add = appends.get(current.id);
      current = { ...current, content: current.content + (add?.content ?? ''), reasoning: (current.reasoning ?? '') + (add?.reasoning ?? '') };
    }),
    refetch: vi.fn(async () => {}),
    schedule: (cb, ms) => {
      const entry = { cb, at: now + ms };
      frames.push(entry);
      return () => frames.splice(frames.indexOf(entry), 1);
    },
    now: () => now,
    later: (cb) => cb(),
  };
  const runFrame = (ms = 40) => {
    now += ms;
    const due = frames.filter((f) => f.at <= now);
    for (const f of due) frames.splice(frames.indexOf(f), 1);
    for (const f of due) f.cb();
  };
  const coalescer = new DeltaCoalescer(deps);
  const delta = (offset: number, text: string, part: 'content' | 'reasoning' = 'content') => ({ conversationId: 'c1', messageId: 'm1', part, offset, text });
  return { deps, coalescer, runFrame, delta, content: () => current.content, reasoning: () => current.reasoning ?? '', pendingFrames: () => frames.length, setContent: (c: string) => (current = message(c)) };
}

describe('DeltaCoalescer', () => {
  it('applies several deltas in one frame as one store update', () => {
    const h = harness();
    h.coalescer.push(h.delta(0, 'Hel'));
    h.coalescer.push(h.delta(3, 'lo, '));
    h.coalescer.push(h.delta(7, 'world'));
    expect(h.deps.apply).not.toHaveBeenCalled();
    expect(h.pendingFrames()).toBe(1);
    h.runFrame();
    expect(h.deps.apply).toHaveBeenCalledTimes(1);
    expect(h.content()).toBe('Hello, world');
  });

  it('refetches the conversation when an offset leaves a gap', () => {
    const h = harness('abc');
    h.coalescer.push(h.delta(3, 'd'));
    h.coalescer.push(h.delta(10, 'lost something before me'));
    h.runFrame();
    expect(h.deps.refetch).toHaveBeenCalledWith('c1');
    // What came before the gap is still shown; nothing after it is glued on wrongly.
    expect(h.content()).toBe('abcd');
  });

  it('replays waiting deltas once a refetch has filled the gap', async () => {
    const h = harness('abc');
    (h.deps.refetch as ReturnType<typeof vi.fn>).mockImplementation(async () => h.setContent('abcdefghij'));
    h.coalescer.push(h.delta(10, 'K'));
    h.runFrame();
    await vi.waitFor(() => expect(h.pendingFrames()).toBe(1));
    h.runFrame();
    expect(h.content()).toBe('abcdefghijK');
  });

  it('drops duplicates and trims overlaps instead of doubling text', () => {
    const h = harness('Hello');
    h.coalescer.push(h.delta(0, 'Hel'));
    h.coalescer.push(h.delta(3, 'lo wor'));
    h.coalescer.push(h.delta(9, 'ld'));
    h.runFrame();
    expect(h.content()).toBe('Hello world');
    expect(h.deps.refetch).not.toHaveBeenCalled();
  });

  it('keeps to ~40 updates a second even when deltas come faster', () => {
    const h = harness();
    h.coalescer.push(h.delta(0, 'a'));
    h.runFrame();
    h.coalescer.push(h.delta(1, 'b'));
    h.runFrame(12);
    expect(h.deps.apply).toHaveBeenCalledTimes(1);
    expect(h.pendingFrames()).toBe(1);
    h.runFrame(12);
    expect(h.deps.apply).toHaveBeenCalledTimes(2);
    expect(h.content()).toBe('ab');
  });

  it('grows reasoning and answer separately, each by its own offsets, in one update', () => {
    const h = harness('');
    h.coalescer.push(h.delta(0, 'Let me ', 'reasoning'));
    h.coalescer.push(h.delta(7, 'think', 'reasoning'));
    h.coalescer.push(h.delta(0, 'Answer', 'content'));
    h.coalescer.push(h.delta(3, 'think', 'reasoning'));
    h.runFrame();
    expect(h.deps.apply).toHaveBeenCalledTimes(1);
    expect(h.reasoning()).toBe('Let me think');
    expect(h.content()).toBe('Answer');
    expect(h.deps.refetch).not.toHaveBeenCalled();
  });

  it('ignores deltas for conversations that are not open', () => {
    const h = harness();
    h.coalescer.push({ conversationId: 'other', messageId: 'x', part: 'content', offset: 0, text: 'hi' });
    h.runFrame();
    expect(h.deps.apply).not.toHaveBeenCalled();
    expect(h.deps.refetch).not.toHaveBeenCalled();
  });
});
