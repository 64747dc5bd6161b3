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
 */
export class StreamClock {
  private timer: ReturnType<typeof setTimeout> | undefined;
  expired: Phase | undefined;

  constructor(
    private readonly limits: StreamTimeouts,
    private readonly onExpire: () => void,
  ) {}

  arm(phase: Phase): void {
    this.stop();
    const ms = phase === 'first_byte' ? this.limits.firstByteMs : this.limits.idleMs;
    this.timer = setTimeout(() => {
      this.expired = phase;
      this.onExpire();
    }, ms);
  }

  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
