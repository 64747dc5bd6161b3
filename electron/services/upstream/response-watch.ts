/** The HTTP answer as it arrived, for error mapping. */
export interface CapturedResponse {
  status: number;
  contentType: string | null;
  /** The body, for answers that are not an event stream (errors, HTML pages, JSON instead of SSE). */
  body?: string;
  /** Rate-limit hints, as sent. */
  retryAfter?: string | null;
  retryAfterMs?: string | null;
}

export interface ResponseWatch {
  /** Hand this to the SDK instead of the real fetch. */
  fetch: typeof fetch;
  /**
   * The last response, body included, unless it was a healthy event stream: a failure inside a
   * stream is about the stream, and its 200 would only mislead the mapping. Never rejects.
   */
  captured(): Promise<CapturedResponse | undefined>;
  /** True when a response arrived and it was not an event stream. */
  notAStream(): boolean;
}

// An error page or a mistaken HTML answer is small; a runaway body must not be kept whole.
const MAX_CAPTURE_BYTES = 64 * 1024;

/**
 * Wraps fetch to keep a copy of non-stream bodies. The SDK reads an error body itself but keeps
 * only the JSON `error` member, and reads a 200 HTML/JSON answer as an empty event stream; both
 * lose what the provider said. Event streams are never copied (they can be long).
 */
export function watchResponses(inner: typeof fetch): ResponseWatch {
  let last:
    | { status: number; contentType: string | null; body: Promise<string | undefined>; isStream: boolean; retryAfter: string | null; retryAfterMs: string | null }
    | undefined;

  const watched: typeof fetch = async (input, init) => {
    const response = await inner(input, init);
    const contentType = response.headers.get('content-type');
    const isStream = response.ok && /text\/event-stream/i.test(contentType ?? '');
    last = {
      status: response.status,
      contentType,
      isStream,
      retryAfter: response.headers.get('retry-after'),
      retryAfterMs: response.headers.get('retry-after-ms'),
      body: isStream || !response.body ? Promise.resolve(undefined) : readCapped(response.clone()),
    };
    return response;
  };

  return {
    fetch: watched,
    async captured() {
      if (!last || last.isStream) return undefined;
      const body = await last.body;
      return {
        status: last.status,
        contentType: last.contentType,
        retryAfter: last.retryAfter,
        retryAfterMs: last.retryAfterMs,
        ...(body === undefined ? {} : { body }),
      };
    },
    notAStream: () => last !== undefined && !last.isStream,
  };
}

async function readCapped(response: Response): Promise<string | undefined> {
  const reader = response.body?.getReader();
  if (!reader) return undefined;
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    while (bytes < MAX_CAPTURE_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      text += decoder.decode(value, { stream: true });
    }
    return text + decoder.decode();
  } catch {
    // Aborted or cut while reading: what arrived is still the best evidence.
    return text || undefined;
  } finally {
    // Only this copy is cancelled; the SDK's side of the tee keeps reading.
    reader.cancel().catch(() => {});
  }
}
