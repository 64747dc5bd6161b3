import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTurnThrottle } from '../../electron/services/chat/turn-throttle';

afterEach(() => vi.useRealTimers());

/** Changes every `gap` ms for `ms`; counts runs, and those a timer made (not the caller's touch). */
function stream(gap: number, intervalMs: number, leading: boolean, ms: number, firstAfter = 0) {
  vi.useFakeTimers();
  let inTouch = false;
  const runs: { at: number; fromTimer: boolean }[] = [];
  const start = Date.now();
  const throttle = createTurnThrottle(() => runs.push({ at: Date.now(), fromTimer: !inTouch }), intervalMs, { leading });
  vi.advanceTimersByTime(firstAfter);
  for (let t = firstAfter; t < ms; t += gap) {
    inTouch = true;
    throttle.touch();
    inTouch = false;
    vi.advanceTimersByTime(gap);
  }
  return { runs: runs.map((r) => ({ ...r, at: r.at - start })), throttle };
}

describe('createTurnThrottle', () => {
  it('a steady stream runs it from its own changes, once per interval, after the first', () => {
    // 500 tok/s deltas (every 20 ms) into the 32 ms UI batcher.
    const { runs } = stream(20, 32, true, 2000);
    expect(runs.length).toBe(50);
    expect(runs.filter((r) => r.fromTimer)).toEqual([]);
    expect(runs.slice(0, 3).map((r) => r.at)).toEqual([0, 40, 80]);
  });

  it('the same for the 300 ms writes of an answer whose first delta comes after the throttle is made', () => {
    const { runs } = stream(20, 300, false, 3000, 5);
    expect(runs.map((r) => r.at)).toEqual([305, 605, 905, 1205, 1505, 1805, 2105, 2405, 2705]);
    expect(runs.filter((r) => r.fromTimer)).toEqual([]);
  });

  it('a change after a pause is covered within the interval plus its distance from the last run', () => {
    vi.useFakeTimers();
    const run = vi.fn();
    const throttle = createTurnThrottle(run, 100, { leading: true });
    throttle.touch();
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(30);
    throttle.touch();
    vi.advanceTimersByTime(129);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(2);
    throttle.touch();
    throttle.cancel();
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
