import { flushThink, initialThinkState, splitThink, type ThinkState } from './think-splitter';
import type { StreamDelta } from './types';

/**
 * The stream as a pure reducer: `reduceChunk(state, chunk) -> state`, one parsed `data:` payload
 * at a time. It accepts whatever relays send (null, missing or empty `choices`, usage-only chunks,
 * error objects, whole non-stream completions) and never throws.
 */
export interface ReportedUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface StreamState {
  /** Answer text so far (reasoning excluded). */
  content: string;
  /** Reasoning text so far, from `reasoning_content`, `reasoning` or inline `<think>`. */
  reasoning: string;
  finishReason: string | null;
  usage: ReportedUsage | null;
  /** An error object the server sent instead of (or in the middle of) the answer. */
  error: unknown;
  /** Payloads seen, including ones that carried nothing. */
  chunks: number;
  /** What the last step added, for `onDelta`. Empty when it added nothing. */
  delta: StreamDelta;
  think: ThinkState;
}

export function initialStreamState(options: { holdUntaggedReasoning?: boolean } = {}): StreamState {
  return {
    content: '',
    reasoning: '',
    finishReason: null,
    usage: null,
    error: undefined,
    chunks: 0,
    delta: {},
    think: initialThinkState(options.holdUntaggedReasoning ?? false),
  };
}

export function reduceChunk(state: StreamState, chunk: unknown): StreamState {
  const next: StreamState = { ...state, chunks: state.chunks + 1, delta: {} };
  if (!isRecord(chunk)) return next;
  if ('error' in chunk && chunk.error !== undefined && chunk.error !== null && chunk.error !== false) {
    return { ...next, error: chunk };
  }

  const usage = readUsage(chunk.usage);
  if (usage) next.usage = usage;

  const choice = Array.isArray(chunk.choices) ? (chunk.choices as unknown[])[0] : undefined;
  if (!isRecord(choice)) return next;
  if (typeof choice.finish_reason === 'string' && choice.finish_reason) next.finishReason = choice.finish_reason;

  // A stream chunk has `delta`; a whole completion (a JSON body instead of a stream) has `message`.
  const part = isRecord(choice.delta) ? choice.delta : isRecord(choice.message) ? choice.message : undefined;
  if (!part) return next;

  let reasoning = '';
  for (const key of ['reasoning_content', 'reasoning'] as const) {
    const value = part[key];
    if (typeof value === 'string' && value) {
      reasoning += value;
      break;
    }
  }
  let content = '';
  if (typeof part.content === 'string' && part.content) {
    const step = splitThink(next.think, part.content);
    next.think = step.state;
    reasoning += step.delta.reasoning ?? '';
    content = step.delta.content ?? '';
  }
  return append(next, content, reasoning);
}

/** The stream is over (or cut): releases text held while deciding about `<think>`. */
export function finishStream(state: StreamState): StreamState {
  const step = flushThink(state.think);
  return append({ ...state, think: step.state, delta: {} }, step.delta.content ?? '', step.delta.reasoning ?? '');
}

function append(state: StreamState, content: string, reasoning: string): StreamState {
  const delta: StreamDelta = {};
  if (reasoning) delta.reasoning = reasoning;
  if (content) delta.content = content;
  return { ...state, content: state.content + content, reasoning: state.reasoning + reasoning, delta };
}

function readUsage(value: unknown): ReportedUsage | null {
  if (!isRecord(value)) return null;
  const prompt = value.prompt_tokens;
  const completion = value.completion_tokens;
  if (typeof prompt !== 'number' || typeof completion !== 'number') return null;
  return { promptTokens: prompt, completionTokens: completion };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
