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
});
