import { streamChat } from '../../../electron/services/upstream/stream-chat';
import type { StreamChatOutcome, StreamChatRequest, StreamDelta } from '../../../electron/services/upstream/types';

/** Runs one `streamChat` of "Hello" to `fixture-model` and keeps every delta, in order. */
export async function streamOnce(target: { baseUrl: string; apiKey: string }, overrides: Partial<StreamChatRequest> = {}) {
  const deltas: StreamDelta[] = [];
  const outcome: StreamChatOutcome = await streamChat({
    ...target,
    model: 'fixture-model',
    messages: [{ role: 'user', content: 'Hello' }],
    signal: new AbortController().signal,
    onDelta: (delta) => deltas.push(delta),
    ...overrides,
  });
  return {
    outcome,
    deltas,
    content: deltas.map((d) => d.content ?? '').join(''),
    reasoning: deltas.map((d) => d.reasoning ?? '').join(''),
  };
}
