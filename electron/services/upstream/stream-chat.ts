import OpenAI from 'openai';
import { mapUpstreamError } from './map-error';
import { watchResponses } from './response-watch';
import type { StreamChat, StreamChatOutcome, StreamChatRequest } from './types';

// The SDK refuses to start without some key; keyless local servers (Ollama, LM Studio) get this,
// and the Authorization header is then removed so nothing fake is sent.
const KEYLESS_PLACEHOLDER = 'keyless';

/** Streams one chat completion through the official SDK. Never throws; the key never leaves this function. */
export const streamChat: StreamChat = async (request) => {
  try {
    return await run(request);
  } catch {
    // Only reachable through a bug in the mapping itself: still an outcome, still no key.
    return request.signal.aborted ? { kind: 'aborted' } : { kind: 'error', error: { code: 'unknown' } };
  }
};

async function run(request: StreamChatRequest): Promise<StreamChatOutcome> {
  const keyProvided = request.apiKey.trim() !== '';
  const watch = watchResponses(request.fetch ?? globalThis.fetch);
  const fail = async (thrown: unknown): Promise<StreamChatOutcome> => ({
    kind: 'error',
    error: mapUpstreamError(thrown, {
      requestUrl: `${request.baseUrl.replace(/\/+$/, '')}/chat/completions`,
      response: await watch.captured(),
      keyProvided,
      secrets: keyProvided ? [request.apiKey] : [],
    }),
  });

  try {
    const client = new OpenAI({
      apiKey: keyProvided ? request.apiKey : KEYLESS_PLACEHOLDER,
      baseURL: request.baseUrl,
      maxRetries: 0, // a retried stream would bill twice and duplicate deltas
      timeout: 10 * 60_000,
      fetch: watch.fetch,
      // Explicit, so a developer's OPENAI_* environment never leaks into a relay request or a log.
      organization: null,
      project: null,
      logLevel: 'off',
    });
    const stream = await client.chat.completions.create(
      { model: request.model, messages: request.messages, stream: true },
      { signal: request.signal, ...(keyProvided ? {} : { headers: { Authorization: null } }) },
    );

    let finishReason: string | null = null;
    let chunks = 0;
    for await (const chunk of stream) {
      chunks += 1;
      // Usage chunks have `choices: []`; some relays omit `choices` or `delta` altogether.
      const choice = chunk.choices?.[0];
      const text = choice?.delta?.content;
      if (typeof text === 'string' && text) request.onDelta({ content: text });
      if (choice?.finish_reason) finishReason = choice.finish_reason;
    }
    // The SDK ends the iteration quietly on abort, so the signal is the only witness.
    if (request.signal.aborted) return { kind: 'aborted' };
    // A 200 that was HTML or a JSON error body parses as an empty event stream.
    if (chunks === 0 && watch.notAStream()) return await fail(undefined);
    return { kind: 'done', finishReason };
  } catch (thrown) {
    if (request.signal.aborted) return { kind: 'aborted' };
    return await fail(thrown);
  }
}
