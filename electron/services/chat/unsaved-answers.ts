import type { Message, SaveState, StorageProblem } from '../../../shared/schemas';
import type { EventBus } from '../../core/event-bus';
import type { Logger } from '../../core/logger';
import { storageProblemOf } from '../../core/storage-error';
import type { HistoryRepository } from '../storage/types';

/** The final write of an answer: what `finishMessage` takes. */
export type FinishPatch = Parameters<HistoryRepository['finishMessage']>[1];

interface Pending {
  message: Message;
  content: string;
  reasoning: string;
  /** Set once the stream has ended: the write that makes the answer final. */
  final: FinishPatch | null;
  problem: StorageProblem;
}

export interface UnsavedAnswersDeps {
  history: HistoryRepository;
  events: EventBus;
  logger: Logger;
  /** First pause before writing pending answers again by itself; doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
}

const sizeOf = (content: string, reasoning: string) => content.length + reasoning.length;

/**
 * Answers whose text on screen is ahead of what is stored because a write failed (a full disk, a
 * read-only folder). The stream goes on regardless; each answer's newest text is kept here and
 * written again — by itself with growing pauses, at once on `retry()` — until the disk takes it.
 * Every change is told to the UI as `message.saveState` ("N characters not saved yet").
 */
export class UnsavedAnswers {
  private readonly pending = new Map<string, Pending>();
  /** Characters known to be on disk, per answer still streaming or pending. */
  private readonly stored = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pause: number;

  constructor(private readonly deps: UnsavedAnswersDeps) {
    this.pause = deps.retryMs ?? 2_000;
  }

  /** An answer starts (or continues): what it already holds is on disk. */
  begin(message: Message): void {
    this.stored.set(message.id, sizeOf(message.content, message.reasoning ?? ''));
  }

  /**
   * Writes the answer's text so far. A storage failure keeps it pending; it never throws one.
   * `added` is what came since the previous call: when that call's text is on disk (nothing of this
   * answer is pending), only it is appended; otherwise the whole text is written, as a retry does.
   * A call that throws changes nothing on disk, so the caller keeps `added` for the next call then.
   */
  progress(message: Message, content: string, reasoning: string, added?: { content: string; reasoning: string }): void {
    const existing = this.pending.get(message.id);
    if (existing?.final) return;
    try {
      if (added && !existing) this.deps.history.appendMessageContent(message.id, added.content, added.reasoning);
      else this.deps.history.updateMessageContent(message.id, content, reasoning);
      this.stored.set(message.id, sizeOf(content, reasoning));
      if (existing) this.settled(existing);
    } catch (error) {
      this.keep(error, { message, content, reasoning, final: null });
    }
  }

  /**
   * The final write. Returns the message to show: the stored one, or — when it could not be stored —
   * the same answer from memory (finished on screen, its text pending here). Null when it is gone.
   */
  finish(message: Message, patch: FinishPatch): Message | null {
    try {
      const finished = this.deps.history.finishMessage(message.id, patch);
      const existing = this.pending.get(message.id);
      if (existing) this.settled(existing);
      this.stored.delete(message.id);
      return finished;
    } catch (error) {
      const reasoning = patch.reasoning ?? message.reasoning ?? '';
      this.keep(error, { message, content: patch.content, reasoning, final: patch });
      return {
        ...message,
        content: patch.content,
        status: patch.status,
        error: patch.error,
        reasoning,
        ...(patch.reasoningMs !== undefined ? { reasoningMs: patch.reasoningMs } : {}),
        ...(patch.usage !== undefined ? { usage: patch.usage } : {}),
        updatedAt: Date.now(),
      };
    }
  }

  /** Writes every pending answer now (the UI's "Try again"); returns what is still pending. */
  retry(): SaveState[] {
    let progressed = false;
    for (const entry of [...this.pending.values()]) {
      try {
        if (entry.final) {
          const finished = this.deps.history.finishMessage(entry.message.id, entry.final);
          this.stored.delete(entry.message.id);
          if (finished) this.deps.events.emit('message.updated', finished);
        } else {
          this.deps.history.updateMessageContent(entry.message.id, entry.content, entry.reasoning);
          this.stored.set(entry.message.id, sizeOf(entry.content, entry.reasoning));
        }
        this.settled(entry);
        progressed = true;
      } catch (error) {
        if (!storageProblemOf(error)) {
          // Not the disk: nothing a retry can fix (e.g. the conversation was purged). Let it go.
          this.deps.logger.error(`pending answer ${entry.message.id} could not be written`, error);
          this.pending.delete(entry.message.id);
          this.emitState(entry, 0, null);
          continue;
        }
        entry.problem = storageProblemOf(error)!;
        this.emitState(entry);
      }
    }
    if (progressed) this.pause = this.deps.retryMs ?? 2_000;
    this.schedule();
    return this.list();
  }

  /** Messages as read from disk, with each pending answer as it is on screen (a window that reopens it sees the same). */
  overlay(messages: Message[]): Message[] {
    if (this.pending.size === 0) return messages;
    return messages.map((m) => {
      const entry = this.pending.get(m.id);
      if (!entry) return m;
      const patch = entry.final;
      return patch
        ? { ...m, content: patch.content, status: patch.status, error: patch.error, reasoning: entry.reasoning }
        : { ...m, content: entry.content, reasoning: entry.reasoning };
    });
  }

  list(): SaveState[] {
    return [...this.pending.values()].map((entry) => this.stateOf(entry));
  }

  /** Characters on screen but not on disk, over all answers. */
  unsavedCharacters(): number {
    return this.list().reduce((sum, s) => sum + s.unsaved, 0);
  }

  /** A streaming answer ended without a final write (e.g. it was dropped): forget its bookkeeping. */
  forget(messageId: string): void {
    if (!this.pending.has(messageId)) this.stored.delete(messageId);
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private keep(error: unknown, entry: Omit<Pending, 'problem'>): void {
    const problem = storageProblemOf(error);
    if (!problem) throw error;
    const first = !this.pending.has(entry.message.id);
    const pending = { ...entry, problem };
    this.pending.set(entry.message.id, pending);
    if (first) this.deps.logger.warn(`answer ${entry.message.id} could not be saved (${problem}); kept in memory and retried`);
    this.emitState(pending);
    this.schedule();
  }

  private settled(entry: Pending): void {
    this.pending.delete(entry.message.id);
    this.emitState(entry, 0, null);
  }

  private stateOf(entry: Pending): SaveState {
    const total = sizeOf(entry.content, entry.reasoning);
    const stored = this.stored.get(entry.message.id) ?? 0;
    return { conversationId: entry.message.conversationId, messageId: entry.message.id, unsaved: Math.max(0, total - stored), problem: entry.problem };
  }

  private emitState(entry: Pending, unsaved?: number, problem?: StorageProblem | null): void {
    const state = this.stateOf(entry);
    this.deps.events.emit('message.saveState', {
      ...state,
      ...(unsaved !== undefined ? { unsaved } : {}),
      ...(problem !== undefined ? { problem } : {}),
    });
  }

  private schedule(): void {
    if (this.timer || this.pending.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pause = Math.min(this.pause * 2, this.deps.maxRetryMs ?? 30_000);
      this.retry();
    }, this.pause);
    this.timer.unref?.();
  }
}
