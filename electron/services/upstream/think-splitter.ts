import type { StreamDelta } from './types';

/**
 * Separates inline `<think>...</think>` reasoning from the answer in streamed content, one piece
 * at a time, with tags split anywhere across pieces. Pure: every step returns a new state.
 *
 * - `<think>` counts only at the very start of the content (whitespace before it allowed): later
 *   in an answer it is just text a model may be writing about.
 * - A lone `</think>` with no opening tag (templates that put `<think>` into the prompt) turns
 *   everything before it into reasoning — but only text still held back can be reclassified, so
 *   `holdUntagged` decides whether untagged text at the start waits for a verdict (reasoning
 *   models) or streams as answer at once (everything else: a `</think>` later is then dropped).
 */
export interface ThinkState {
  /** start: nothing decided yet; inside: between the tags; after: answer text. */
  phase: 'start' | 'inside' | 'after';
  /** Text not yet released: a possible partial tag, or untagged start text being held. */
  pending: string;
  holdUntagged: boolean;
  /** Just after `</think>`: the blank lines that separate it from the answer are not answer. */
  skipNewlines: boolean;
}

const OPEN = '<think>';
const CLOSE = '</think>';

export function initialThinkState(holdUntagged = false): ThinkState {
  return { phase: 'start', pending: '', holdUntagged, skipNewlines: false };
}

export interface ThinkStep {
  state: ThinkState;
  delta: StreamDelta;
}

/** Feeds one piece of content. */
export function splitThink(state: ThinkState, piece: string): ThinkStep {
  let { phase, skipNewlines } = state;
  let text = state.pending + piece;
  let content = '';
  let reasoning = '';
  let pending = '';

  // Bounded: each pass either consumes a tag or ends the loop.
  for (;;) {
    if (phase === 'after') {
      if (skipNewlines) {
        text = stripLeadingNewlines(text);
        if (text) skipNewlines = false;
      }
      // Most pieces have no '<' at all: then there is neither a tag nor the start of one to hold.
      if (!state.holdUntagged && text.includes('<')) {
        // A stray `</think>` is dropped even when it arrives in pieces: hold back a partial one.
        text = text.split(CLOSE).join('');
        const keep = partialSuffix(text, CLOSE);
        pending = text.slice(text.length - keep);
        text = text.slice(0, text.length - keep);
      }
      content += text;
      break;
    }
    if (phase === 'inside') {
      const close = text.indexOf(CLOSE);
      if (close >= 0) {
        reasoning += text.slice(0, close);
        text = text.slice(close + CLOSE.length);
        phase = 'after';
        skipNewlines = true;
        continue;
      }
      const keep = partialSuffix(text, CLOSE);
      reasoning += text.slice(0, text.length - keep);
      pending = text.slice(text.length - keep);
      break;
    }
    // phase === 'start'
    const trimmed = text.trimStart();
    if (trimmed.startsWith(OPEN)) {
      text = trimmed.slice(OPEN.length);
      phase = 'inside';
      continue;
    }
    if (trimmed === '' || OPEN.startsWith(trimmed)) {
      // Only whitespace or a partial `<think>` so far: wait for more.
      pending = text;
      break;
    }
    const close = text.indexOf(CLOSE);
    if (state.holdUntagged && close >= 0) {
      reasoning += text.slice(0, close);
      text = text.slice(close + CLOSE.length);
      phase = 'after';
      skipNewlines = true;
      continue;
    }
    if (state.holdUntagged) {
      pending = text;
      break;
    }
    // Not reasoning: from here on everything is answer, except a stray `</think>` is dropped.
    phase = 'after';
  }

  return { state: { phase, pending, holdUntagged: state.holdUntagged, skipNewlines }, delta: compact(content, reasoning) };
}

/** The stream ended: whatever is held is released as it stands. */
export function flushThink(state: ThinkState): ThinkStep {
  const delta: StreamDelta = state.phase === 'inside' ? compact('', state.pending) : compact(state.pending, '');
  return { state: { ...state, pending: '' }, delta };
}

/** Length of the longest suffix of `text` that is a proper prefix of `tag`. */
function partialSuffix(text: string, tag: string): number {
  for (let n = Math.min(tag.length - 1, text.length); n > 0; n--) {
    if (tag.startsWith(text.slice(text.length - n))) return n;
  }
  return 0;
}

function stripLeadingNewlines(text: string): string {
  return text.replace(/^(?:\r?\n)+/, '');
}

function compact(content: string, reasoning: string): StreamDelta {
  const delta: StreamDelta = {};
  if (content) delta.content = content;
  if (reasoning) delta.reasoning = reasoning;
  return delta;
}
