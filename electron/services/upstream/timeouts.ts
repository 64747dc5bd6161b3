import { DEFAULT_TIMEOUT_SETTINGS } from '../../../shared/schemas';
import type { StreamTimeouts } from './types';

export function resolveTimeouts(given: Partial<StreamTimeouts> | undefined): StreamTimeouts {
  const pick = (value: number | undefined, fallback: number) =>
    typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
  return {
    connectMs: pick(given?.connectMs, DEFAULT_TIMEOUT_SETTINGS.connectMs),
    firstByteMs: pick(given?.firstByteMs, DEFAULT_TIMEOUT_SETTINGS.firstByteMs),
    idleMs: pick(given?.idleMs, DEFAULT_TIMEOUT_SETTINGS.idleMs),
  };
}

type Phase = 'first_byte' | 'idle';

/**
 * One re-armable timer for the answer: first-byte until the first byte of the body arrives, then
 * idle between reads. When it fires it records which limit it was and aborts the request.
 *
 * Re-arming the same phase only moves the deadline: the running timer, when it fires, waits out
 * what is left. A stream re-arms on every read (thousands of times per answer), and replacing a
 * Node timer each time was a measurable share of the host's CPU while streaming.
 */
export class StreamClock {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private phase: Phase = 'first_byte';
  private deadline = 0;
  expired: Phase | undefined;

  constructor(
    private readonly limits: StreamTimeouts,
    private readonly onExpire: () => void,
  ) {}

  arm(phase: Phase): void {
    const ms = phase === 'first_byte' ? this.limits.firstByteMs : this.limits.idleMs;
    this.deadline = performance.now() + ms;
    if (this.timer !== undefined && this.phase === phase) return;
    this.stop();
    this.phase = phase;
    this.schedule(ms);
  }

  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      const left = this.deadline - performance.now();
      if (left > 1) return this.schedule(left);
      this.timer = undefined;
      this.expired = this.phase;
      this.onExpire();
    }, ms);
  }
}
