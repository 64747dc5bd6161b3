import { createParser } from 'eventsource-parser';
import OpenAI, { APIConnectionError, APIError } from 'openai';
import { Agent } from 'undici';
import { eventStreamFetch } from '../network/event-stream-fetch';
import { mapUpstreamError, type FailureContext } from './map-error';
import { readBodyText } from './read-body';
import { watchResponses, type ResponseWatch } from './response-watch';
import { finishStream, initialStreamState, reduceChunk, type StreamState } from './stream-reducer';
import { resolveTimeouts, StreamClock } from './timeouts';
import type { StreamChat, StreamChatOutcome, StreamChatRequest, StreamDelta, StreamTimeouts, TokenUsage } from './types';
import { resolveUsage } from './usage-estimate';

// The SDK refuses to start without some key; keyless local servers (Ollama, LM Studio) get this,
// and the Authorization header is then removed so nothing fake is sent.
const KEYLESS_PLACEHOLDER = 'keyless';
// Models whose chat template may put `<think>` into the prompt, so the answer starts with
// reasoning and only a lone `</think>` shows where it ends: their untagged start text is held
// back until that verdict (or the end of the stream) instead of being shown as the answer.
const REASONER_MODEL = /(?:^|[-_/.:\s])r1(?:$|[-_/.:\s])|reason|think|qwq|deepseek-r/i;
// Enough to recognise a JSON or HTML answer where an event stream was expected.
const MAX_RAW = 64 * 1024;
// A whole completion sent instead of a stream is read in full, within reason.
const MAX_BODY = 16 * 1024 * 1024;
const STREAM_OPTIONS = /stream_options/i;

/** Streams one chat completion through the official SDK. Never throws; the key never leaves this function. */
export const streamChat: StreamChat = async (request) => {
  try {
    const limits = resolveTimeouts(request.timeouts);
    const wantUsage = request.includeUsage !== false;
    const first = await attempt(request, limits, wantUsage);
    // Some upstreams behind relays reject `stream_options`: re-send once without it (nothing was streamed).
    if (first.kind === 'stream_options_rejected') {
      const second = await attempt(request, limits, false);
      return { ...(second.kind === 'stream_options_rejected' ? second.outcome : second), streamOptionsRejected: true };
    }
    return first;
  } catch {
    // Only reachable through a bug in the mapping itself: still an outcome, still no key.
    return request.signal.aborted ? { kind: 'aborted', usage: null } : { kind: 'error', error: { code: 'unknown' }, usage: null };
  }
};

type Attempt = StreamChatOutcome | { kind: 'stream_options_rejected'; outcome: StreamChatOutcome };

async function attempt(request: StreamChatRequest, limits: StreamTimeouts, withUsage: boolean): Promise<Attempt> {
  const keyProvided = request.apiKey.trim() !== '';
  const requestUrl = `${request.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  // Our own timers abort through this; the caller's Stop through `request.signal`.
  const internal = new AbortController();
  const signal = AbortSignal.any([request.signal, internal.signal]);
  const clock = new StreamClock(limits, () => internal.abort());
  // Without a fetch of the caller's (Electron's net.fetch, a proxy dispatcher) we own the socket
  // and can bound the TCP/TLS connect on its own.
  const agent = request.fetch ? undefined : new Agent({ connect: { timeout: limits.connectMs } });
  const baseFetch: typeof fetch = request.fetch ?? ((input, init) => eventStreamFetch(input, init, agent!));
  // The SDK drops the cause of a connection timeout ("Request timed out."): keep fetch's own error.
  let fetchError: unknown;
  const watch = watchResponses((input, init) =>
    baseFetch(input, init).catch((error: unknown) => {
      fetchError = error;
      throw error;
    }),
  );
  const ctx: Ctx = { request, keyProvided, requestUrl, watch, clock };
  let state = initialStreamState({ holdUntaggedReasoning: REASONER_MODEL.test(request.model) });
  let responded = false;
  const emit = (next: StreamState) => {
    state = next;
    if (next.delta.content || next.delta.reasoning) request.onDelta({ ...next.delta } satisfies StreamDelta);
  };

  try {
    if (request.signal.aborted) return { kind: 'aborted', usage: null };
    const client = new OpenAI({
      apiKey: keyProvided ? request.apiKey : KEYLESS_PLACEHOLDER,
      baseURL: request.baseUrl,
      maxRetries: 0, // a retried stream would bill twice and duplicate deltas: the user retries
      // A backstop only: the stream clock enforces first-byte and idle limits precisely.
      timeout: limits.connectMs + limits.firstByteMs + 5_000,
      fetch: watch.fetch,
      // Explicit, so a developer's OPENAI_* environment never leaks into a relay request or a log.
      organization: null,
      project: null,
      logLevel: 'off',
    });
    const headers: Record<string, string | null> = { ...(request.headers ?? {}) };
    if (!keyProvided) headers.Authorization = null;
    clock.arm('first_byte');
    const response = await client.chat.completions
      .create({ model: request.model, messages: request.messages, stream: true, ...samplingParams(request), ...(withUsage ? { stream_options: { include_usage: true } } : {}) }, { signal, headers })
      .asResponse();
    responded = true;

    const isStream = /text\/event-stream/i.test(response.headers.get('content-type') ?? '');
    let done = false;
    let events = 0;
    let raw = '';
    const parser = createParser({
      onEvent: ({ data }) => {
        events += 1;
        for (const payload of payloads(data)) {
          if (payload === DONE) done = true;
          else emit(reduceChunk(state, payload));
        }
      },
    });
    await readBodyText(
      response,
      (text) => {
        clock.arm('idle');
        if (events === 0 && raw.length < (isStream ? MAX_RAW : MAX_BODY)) raw += text;
        if (isStream) parser.feed(text);
        return !done && state.error === undefined;
      },
      signal,
    );
    clock.stop();
    if (request.signal.aborted) return { kind: 'aborted', usage: usageOf(request, state, true) };

    // Not an event stream after all (a whole JSON completion, an error body, a web page).
    if (events === 0 && raw.trim()) {
      const whole = safeJson(raw.trim());
      if (whole === undefined) {
        return { kind: 'error', error: await mapFailure(ctx, undefined, { status: response.status, contentType: response.headers.get('content-type'), body: raw }), usage: null };
      }
      emit(reduceChunk(state, whole));
    }
    emit(finishStream(state));
    if (state.error !== undefined) {
      const body = JSON.stringify(state.error);
      return { kind: 'error', error: await mapFailure(ctx, undefined, { status: response.status, body }, true), usage: usageOf(request, state, true) };
    }
    if (state.chunks === 0) {
      // An empty 200: nothing to show, say so rather than store an empty answer.
      return { kind: 'error', error: await mapFailure(ctx, undefined, { status: response.status, body: '' }, true), usage: null };
    }
    return { kind: 'done', finishReason: state.finishReason, usage: usageOf(request, state, true) };
  } catch (thrown) {
    clock.stop();
    // Text held back while deciding about `<think>` is still the user's.
    try {
      emit(finishStream(state));
    } catch {
      // onDelta itself failed: what matters now is the outcome.
    }
    // A stopped request may still be billed for its prompt: count it even before the first byte.
    if (request.signal.aborted) return { kind: 'aborted', usage: usageOf(request, state, true) };
    const usage = usageOf(request, state, responded);
    const error = await mapFailure(ctx, thrown instanceof APIConnectionError && thrown.cause === undefined && fetchError !== undefined ? fetchError : thrown);
    if (withUsage && !responded && thrown instanceof APIError && thrown.status === 400 && (await mentionsStreamOptions(watch, thrown))) {
      return { kind: 'stream_options_rejected', outcome: { kind: 'error', error, usage: null } };
    }
    return { kind: 'error', error, usage };
  } finally {
    clock.stop();
    // Closes the socket at once on every way out (Stop, timeouts, errors, a failing onDelta).
    internal.abort();
    agent?.destroy().catch(() => {});
  }
}

interface Ctx {
  request: StreamChatRequest;
  keyProvided: boolean;
  requestUrl: string;
  watch: ResponseWatch;
  clock: StreamClock;
}

async function mapFailure(ctx: Ctx, thrown: unknown, response?: FailureContext['response'], inStream?: boolean) {
  const timedOut = ctx.clock.expired;
  return mapUpstreamError(thrown, {
    requestUrl: ctx.requestUrl,
    response: response ?? (await ctx.watch.captured()),
    keyProvided: ctx.keyProvided,
    secrets: ctx.keyProvided ? [ctx.request.apiKey] : [],
    ...(inStream ? { inStream } : {}),
    ...(timedOut ? { timedOut } : {}),
  });
}

async function mentionsStreamOptions(watch: ResponseWatch, thrown: APIError): Promise<boolean> {
  const captured = await watch.captured();
  return STREAM_OPTIONS.test(captured?.body ?? '') || STREAM_OPTIONS.test(thrown.message);
}

/** Only the parameters the caller gave: an absent one keeps the provider's default. */
function samplingParams(request: StreamChatRequest): NonNullable<StreamChatRequest['params']> {
  const out: NonNullable<StreamChatRequest['params']> = {};
  const params = request.params ?? {};
  if (typeof params.temperature === 'number') out.temperature = params.temperature;
  if (typeof params.top_p === 'number') out.top_p = params.top_p;
  if (typeof params.max_tokens === 'number') out.max_tokens = params.max_tokens;
  if (params.reasoning_effort) out.reasoning_effort = params.reasoning_effort;
  return out;
}

function usageOf(request: StreamChatRequest, state: StreamState, counted: boolean): TokenUsage | null {
  if (!counted) return null;
  return resolveUsage(state.usage, request.messages, { content: state.content, reasoning: state.reasoning });
}

const DONE = Symbol('done');

/**
 * The payloads in one event's data. Besides plain JSON: `[DONE]`; two frames glued without a blank
 * line (the parser joins their data lines with "\n"); raw text, kept as an error object so it is
 * shown rather than dropped.
 */
function payloads(data: string): Array<unknown> {
  const text = data.trim();
  if (!text) return [];
  if (text === '[DONE]') return [DONE];
  const whole = safeJson(text);
  if (whole !== undefined) return [whole];
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => (line === '[DONE]' ? DONE : (safeJson(line) ?? { error: { message: line } })));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
