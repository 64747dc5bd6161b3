import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDeltaBatcher } from '../../electron/services/chat/delta-batcher';

afterEach(() => vi.useRealTimers());

const collect = () => {
  const sent: [string, number, string][] = [];
  return { sent, emit: (part: string, offset: number, text: string) => sent.push([part, offset, text]) };
};

describe('createDeltaBatcher', () => {
  it('sends the first delta at once, then joins what arrives within the window', () => {
    vi.useFakeTimers();
    const { sent, emit } = collect();
    const batcher = createDeltaBatcher(emit, 16);
    batcher.push('content', 0, 'He');
    expect(sent).toEqual([['content', 0, 'He']]);
    batcher.push('content', 2, 'l');
    batcher.push('content', 3, 'lo');
    batcher.push('reasoning', 0, 'hm');
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(16);
    expect(sent).toEqual([
      ['content', 0, 'He'],
      ['content', 2, 'llo'],
      ['reasoning', 0, 'hm'],
    ]);
  });

  it('after a quiet window the next delta goes out immediately again', () => {
    vi.useFakeTimers();
    const { sent, emit } = collect();
    const batcher = createDeltaBatcher(emit, 16);
    batcher.push('content', 0, 'a');
    vi.advanceTimersByTime(40);
    batcher.push('content', 1, 'b');
    expect(sent).toEqual([
      ['content', 0, 'a'],
      ['content', 1, 'b'],
    ]);
  });

  it('never merges non-contiguous text and flushes everything on close', () => {
    vi.useFakeTimers();
    const { sent, emit } = collect();
    const batcher = createDeltaBatcher(emit, 16);
    batcher.push('content', 0, 'a');
    batcher.push('content', 1, 'b');
    batcher.push('content', 10, 'z');
    batcher.close();
    expect(sent).toEqual([
      ['content', 0, 'a'],
      ['content', 1, 'b'],
      ['content', 10, 'z'],
    ]);
    vi.advanceTimersByTime(100);
    expect(sent).toHaveLength(3);
  });

  it('a stream faster than the window: held text goes out with the first delta a window after the last message, no timer left', () => {
    vi.useFakeTimers();
    const { sent, emit } = collect();
    const batcher = createDeltaBatcher(emit, 32);
    batcher.push('content', 0, 'a');
    vi.advanceTimersByTime(20);
    batcher.push('content', 1, 'b');
    expect(sent).toEqual([['content', 0, 'a']]);
    vi.advanceTimersByTime(20);
    batcher.push('content', 2, 'c');
    expect(sent).toEqual([
      ['content', 0, 'a'],
      ['content', 1, 'bc'],
    ]);
    // Sent from the upstream's turn: no timer wakes the host for it.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('held text waits a window plus its distance from the last message when nothing follows it', () => {
    vi.useFakeTimers();
    const { sent, emit } = collect();
    const batcher = createDeltaBatcher(emit, 32);
    batcher.push('content', 0, 'a');
    vi.advanceTimersByTime(10);
    batcher.push('content', 1, 'b');
    vi.advanceTimersByTime(41);
    expect(sent).toEqual([['content', 0, 'a']]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([
      ['content', 0, 'a'],
      ['content', 1, 'b'],
    ]);
    // The timer's send starts a new window: a delta right after it is held, not sent at once.
    batcher.push('content', 2, 'c');
    expect(sent).toHaveLength(2);
    vi.advanceTimersByTime(32);
    expect(sent.at(-1)).toEqual(['content', 2, 'c']);
  });
});
