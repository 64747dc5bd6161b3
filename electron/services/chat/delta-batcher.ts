import { createTurnThrottle } from './turn-throttle';

export type StreamPart = 'content' | 'reasoning';
type Emit = (part: StreamPart, offset: number, text: string) => void;

/**
 * Joins the deltas of one streaming answer so the UI gets at most one message per part every
 * `intervalMs` instead of one per token: at ~500 tokens/s a message per token cost the renderer
 * a task each (measured: about a third of its busy time). A delta after a quiet spell goes out at
 * once (leading edge), so batching adds no latency to a slow stream. What is held goes out with the
 * first delta a window after the last message (in the upstream read's own turn: no timer wake-up
 * per message), or by a timer when none follows (turn-throttle.ts).
 */
export function createDeltaBatcher(emit: Emit, intervalMs: number, now?: () => number) {
  const pending = new Map<StreamPart, { offset: number; text: string }>();
  const sendHeld = () => {
    for (const [part, { offset, text }] of pending) emit(part, offset, text);
    pending.clear();
  };
  const throttle = createTurnThrottle(sendHeld, intervalMs, { leading: true, ...(now ? { now } : {}) });

  return {
    push(part: StreamPart, offset: number, text: string) {
      const held = pending.get(part);
      // Offsets are contiguous within a part; anything else is sent as it is rather than merged wrongly.
      if (held && held.offset + held.text.length === offset) held.text += text;
      else {
        if (held) emit(part, held.offset, held.text);
        pending.set(part, { offset, text });
      }
      throttle.touch();
    },
    /** Sends what is held now: before the final message.updated, so no text arrives after it. */
    close() {
      throttle.cancel();
      sendHeld();
    },
  };
}
