import type { EventPayload } from '../../../shared/events';
import type { Message } from '../../../shared/schemas';

type Delta = EventPayload<'chat.delta'>;
export type Part = Delta['part'];
/** Text to append to each part of one message. */
export type PartAppends = Partial<Record<Part, string>>;

export interface CoalescerDeps {
  getMessage(id: string): Message | undefined;
  isOpen(conversationId: string): boolean;
  /** True while a new chat's first send is in flight: keep deltas for messages we don't know yet. */
  holdUnknown(): boolean;
  /** One store update carrying every message's new text (answer and reasoning). */
  apply(appends: ReadonlyMap<string, PartAppends>): void;
  refetch(conversationId: string): Promise<void>;
  /** Runs the callback after `delayMs` (a timer, not a frame: see MIN_INTERVAL_MS); returns a cancel. */
  schedule(callback: () => void, delayMs: number): () => void;
  now(): number;
  /** Deferred retry for gaps the server hasn't stored yet. */
  later(callback: () => void, ms: number): void;
}

interface Buffer {
  messageId: string;
  part: Part;
  conversationId: string;
  chunks: { offset: number; text: string }[];
}

/**
 * The UI takes streamed text at most every MIN_INTERVAL_MS. Main already joins deltas for 48 ms
 * (electron/services/chat/answer-stream.ts), so a single answer arrives ~20 times a second and
 * each message is applied as it comes; this interval only joins what arrives closer together
 * (several answers, answer and reasoning). It is shorter than main's window so the two waits
 * don't add up. History: 20 Hz here (48 ms) was measured on 2026-11-27: main-thread busy 27.7 % → 21 %,
 * but chunk-to-paint p95 49 → 63 ms, and kept at 30 Hz; on 2026-12-02, with the view following the
 * answer (the earlier figures were of views that had lost it), main's window went to 48 ms instead.
 *
 * The wait is a timer, not a requestAnimationFrame loop: asking for a frame on every frame until
 * the interval has passed made the page produce ~60 frames a second, half of them for nothing
 * (measured: ~6 ms of main-thread work per frame on the long answer). Streamed Markdown reaches the
 * DOM when the Markdown worker replies, which schedules the one frame that shows it.
 */
const MIN_INTERVAL_MS = 24;
const RETRY_STEP_MS = 300;
const RETRY_MAX_MS = 2_000;
/** After this many refetches that still can't place the text, give up on it: chat.end finds the text short and fetches the message. */
const MAX_ATTEMPTS = 8;

/**
 * Collects `chat.delta` events and applies them to the store at most every MIN_INTERVAL_MS.
 * Each message has two growing parts, the answer and the reasoning, each with its own offsets.
 * Offsets are checked against the text we show: duplicates are dropped, overlaps trimmed, and a
 * gap (a lost delta) triggers a refetch; the deltas after the gap wait and are replayed on top.
 */
export class DeltaCoalescer {
  private readonly buffers = new Map<string, Buffer>();
  private readonly refetching = new Set<string>();
  private readonly retries = new Map<string, number>();
  private cancelFrame: (() => void) | null = null;
  private lastFlush = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: CoalescerDeps) {}

  push(delta: Delta): void {
    // Another conversation's answer (several can stream at once): nothing on screen to update,
    // and opening it fetches its text. Only a new chat's first answer may arrive before its id.
    if (!this.deps.isOpen(delta.conversationId) && !this.deps.holdUnknown()) return;
    const key = `${delta.messageId}\u0000${delta.part}`;
    let buffer = this.buffers.get(key);
    if (!buffer) {
      buffer = { messageId: delta.messageId, part: delta.part, conversationId: delta.conversationId, chunks: [] };
      this.buffers.set(key, buffer);
    }
    buffer.chunks.push({ offset: delta.offset, text: delta.text });
    this.request();
  }

  /** Applies everything buffered now (e.g. right before the store is replaced). */
  flush(): void {
    this.cancelFrame?.();
    this.cancelFrame = null;
    this.lastFlush = this.deps.now();
    const appends = new Map<string, PartAppends>();
    for (const [key, buffer] of this.buffers) {
      const add = this.drain(key, buffer);
      if (add) appends.set(buffer.messageId, { ...appends.get(buffer.messageId), [buffer.part]: add });
    }
    if (appends.size > 0) this.deps.apply(appends);
  }

  dispose(): void {
    this.cancelFrame?.();
    this.cancelFrame = null;
    this.buffers.clear();
  }

  private request(): void {
    if (this.cancelFrame) return;
    const wait = Math.max(0, MIN_INTERVAL_MS - (this.deps.now() - this.lastFlush));
    this.cancelFrame = this.deps.schedule(() => {
      this.cancelFrame = null;
      this.flush();
    }, wait);
  }

  /** Returns the text to append to this message now; leaves in the buffer what must wait. */
  private drain(key: string, buffer: Buffer): string {
    const { conversationId } = buffer;
    if (this.refetching.has(conversationId)) return '';
    const message = this.deps.getMessage(buffer.messageId);
    if (!message) {
      if (this.deps.isOpen(conversationId)) this.requestRefetch(conversationId);
      else if (!this.deps.holdUnknown()) this.buffers.delete(key);
      return '';
    }
    let length = buffer.part === 'reasoning' ? (message.reasoning ?? '').length : message.content.length;
    let add = '';
    for (let i = 0; i < buffer.chunks.length; i++) {
      const chunk = buffer.chunks[i]!;
      if (chunk.offset > length) {
        buffer.chunks.splice(0, i);
        this.requestRefetch(conversationId);
        return add;
      }
      const overlap = length - chunk.offset;
      if (overlap < chunk.text.length) {
        const fresh = chunk.text.slice(overlap);
        add += fresh;
        length += fresh.length;
      }
    }
    this.buffers.delete(key);
    this.retries.delete(conversationId);
    return add;
  }

  private dropConversation(conversationId: string): void {
    for (const [id, b] of this.buffers) if (b.conversationId === conversationId) this.buffers.delete(id);
  }

  private requestRefetch(conversationId: string): void {
    if (this.refetching.has(conversationId)) return;
    const attempt = this.retries.get(conversationId) ?? 0;
    if (attempt >= MAX_ATTEMPTS) {
      this.dropConversation(conversationId);
      this.retries.delete(conversationId);
      return;
    }
    this.retries.set(conversationId, attempt + 1);
    this.refetching.add(conversationId);
    const run = () => {
      this.deps
        .refetch(conversationId)
        // The conversation is gone or unreachable: what we buffered for it can't be placed.
        .catch(() => this.dropConversation(conversationId))
        .finally(() => {
          this.refetching.delete(conversationId);
          if (this.buffers.size > 0) this.request();
        });
    };
    // The server stores streamed text a moment behind the deltas, so an immediate refetch can
    // still miss the hole; later attempts wait a little longer each time.
    if (attempt === 0) run();
    else this.deps.later(run, Math.min(RETRY_MAX_MS, RETRY_STEP_MS * attempt));
  }
}
