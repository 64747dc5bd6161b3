import { afterEach, describe, expect, it, vi } from 'vitest';
import { historyToTurns } from '../../electron/services/chat/history-to-turns';
import { createPersistThrottle } from '../../electron/services/chat/persist-throttle';
import type { Message } from '../../shared/schemas';

const msg = (role: Message['role'], content: string, status: Message['status'] = 'done'): Message => ({
  id: Math.random().toString(36),
  conversationId: 'c',
  parentId: null,
  role,
  content,
  status,
  error: null,
  model: null,
  createdAt: 0,
  updatedAt: 0,
});

describe('historyToTurns', () => {
  it('sends what the user saw, not failed or empty attempts', () => {
    const turns = historyToTurns([
      msg('user', 'hi'),
      msg('assistant', '', 'error'),
      msg('user', 'again'),
      msg('assistant', 'partial ans', 'stopped'),
      msg('user', 'more'),
      msg('assistant', '', 'streaming'),
    ]);
    expect(turns).toEqual([
      { role: 'user', content: 'hi' },
      { role: 'user', content: 'again' },
      { role: 'assistant', content: 'partial ans' },
      { role: 'user', content: 'more' },
    ]);
  });
});

describe('createPersistThrottle', () => {
  afterEach(() => vi.useRealTimers());

  it('writes once per interval however many changes arrive, and never later than the interval', () => {
    vi.useFakeTimers();
    const write = vi.fn();
    const throttle = createPersistThrottle(write, 300);
    for (let i = 0; i < 50; i++) throttle.touch();
    expect(write).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    expect(write).toHaveBeenCalledTimes(1);
    throttle.touch();
    vi.advanceTimersByTime(299);
    expect(write).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(write).toHaveBeenCalledTimes(2);
  });

  it('cancel drops a pending write', () => {
    vi.useFakeTimers();
    const write = vi.fn();
    const throttle = createPersistThrottle(write, 300);
    throttle.touch();
    throttle.cancel();
    vi.advanceTimersByTime(1000);
    expect(write).not.toHaveBeenCalled();
  });
});
