import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type { UpstreamError, UpstreamErrorCode } from '../../../shared/schemas';
import { redact } from '../../core/logger';

/** What is known about a failed request besides what was thrown. */
export interface FailureContext {
  /** The chat completions URL the request went to; only its host and path are reported. */
  requestUrl: string;
  /**
   * The HTTP answer, captured before the SDK consumed it. Needed because the SDK keeps only the
   * `error` member of a JSON body, which loses NextChat's `{"error":true,"msg":"..."}`.
   */
  response?: { status: number; contentType?: string | null; body?: string };
  /** False when the request went out without a key: a 401 then means "this server needs a key". */
  keyProvided?: boolean;
  /** Masked verbatim in the provider's message (the key, in case a server echoes it). */
  secrets?: readonly string[];
}

/** Everything the rules look at, extracted once. */
interface Facts {
  status: number | undefined;
  /** The provider's `error.code` and `error.type`, when it sent them. */
  providerCodes: string[];
  html: boolean;
  /** The stream could not be parsed (invalid JSON in a `data:` line). */
  malformed: boolean;
  timedOut: boolean;
  connectionFailed: boolean;
  keyProvided: boolean;
}

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
// Electron's net.fetch reports Chromium net errors by message, without a code.
const CHROMIUM_TIMEOUT = /net::ERR_(?:CONNECTION_)?TIMED_OUT/;
const CHROMIUM_NET_ERROR = /net::ERR_[A-Z_]+/;
// undici's own messages when the socket fails before or during the body.
const UNDICI_NET_MESSAGE = /^(?:fetch failed|terminated)$/;

const has = (f: Facts, code: string) => f.providerCodes.includes(code);
const inRange = (f: Facts, low: number, high: number) => f.status !== undefined && f.status >= low && f.status <= high;

/**
 * First match wins. Order encodes the judgement calls: a connection failure has no status; the
 * provider's own code beats the status (429 can be quota or rate); 401/403/429/5xx keep their
 * meaning even when the body is an HTML page (a gateway's 502 page is still a server error);
 * any other HTML answer means the URL reached a web page, not the API.
 */
const RULES: ReadonlyArray<readonly [UpstreamErrorCode, (f: Facts) => boolean]> = [
  ['timeout', (f) => f.timedOut],
  ['network', (f) => f.connectionFailed],
  ['bad_response', (f) => f.malformed],
  ['insufficient_quota', (f) => has(f, 'insufficient_quota')],
  ['no_key', (f) => f.status === 401 && !f.keyProvided],
  ['unauthorized', (f) => f.status === 401 || has(f, 'invalid_api_key')],
  ['forbidden', (f) => f.status === 403 || has(f, 'unsupported_country_region_territory')],
  ['rate_limited', (f) => f.status === 429 || has(f, 'rate_limit_exceeded')],
  ['server_error', (f) => inRange(f, 500, 599)],
  ['bad_response', (f) => f.html],
  ['not_found', (f) => f.status === 404 || has(f, 'model_not_found')],
  ['timeout', (f) => f.status === 408],
  ['bad_request', (f) => f.status === 400 || f.status === 413 || f.status === 422 || has(f, 'context_length_exceeded')],
  // A 2xx that still failed: an error body where the stream should be (NextChat does this).
  ['bad_response', (f) => inRange(f, 200, 399)],
  ['server_error', (f) => has(f, 'server_error')],
];

const MAX_MESSAGE = 1_000;

/** Turns anything the SDK (or fetch under it) throws into the stored, key-free `UpstreamError`. */
export function mapUpstreamError(thrown: unknown, context: FailureContext): UpstreamError {
  const body = readBody(thrown, context.response);
  const facts: Facts = {
    status: context.response?.status ?? httpStatus(thrown),
    providerCodes: providerCodes(body.json),
    html: body.html,
    malformed: thrown instanceof SyntaxError,
    ...connectionFacts(thrown),
    keyProvided: context.keyProvided ?? true,
  };
  const code = RULES.find(([, matches]) => matches(facts))?.[0] ?? 'unknown';
  const message = providerMessage(body);
  const where = locate(context.requestUrl);

  const error: UpstreamError = { code };
  if (facts.status !== undefined) error.status = facts.status;
  if (message) error.providerMessage = mask(message, context.secrets);
  if (where) {
    error.host = where.host;
    error.path = mask(where.path, context.secrets);
  }
  return error;
}

interface Body {
  json: unknown;
  text: string | undefined;
  html: boolean;
}

function readBody(thrown: unknown, response: FailureContext['response']): Body {
  if (response?.body !== undefined) return describe(response.body, response.contentType);
  const none: Body = { json: undefined, text: undefined, html: false };
  if (!(thrown instanceof APIError) || thrown instanceof APIConnectionError) return none;
  const contentType = thrown.headers?.get('content-type');
  // The SDK keeps a JSON body's `error` member (also for errors inside a stream)...
  if (thrown.error !== undefined) return { json: { error: thrown.error }, text: undefined, html: /html/i.test(contentType ?? '') };
  // ...or, for an HTTP answer that was not JSON, the raw text after the status. Any other message is the SDK's own.
  const prefix = `${thrown.status} `;
  if (thrown.status === undefined || !thrown.message.startsWith(prefix)) return none;
  const raw = thrown.message.slice(prefix.length);
  return describe(raw === 'status code (no body)' ? '' : raw, contentType);
}

function describe(text: string, contentType: string | null | undefined): Body {
  const html = /html/i.test(contentType ?? '') || /^\s*<(?:!doctype|html|head|body|title)\b/i.test(text);
  return { json: html ? undefined : safeJson(text), text, html };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function httpStatus(thrown: unknown): number | undefined {
  return thrown instanceof APIError && typeof thrown.status === 'number' ? thrown.status : undefined;
}

function providerCodes(json: unknown): string[] {
  if (!isRecord(json) || !isRecord(json.error)) return [];
  return [json.error.code, json.error.type].filter((v): v is string => typeof v === 'string');
}

/** OpenAI `{error:{message}}`, `{error:"..."}`, NextChat `{error:true,msg}` / `{error:true,message}`, FastAPI `{detail}`; an HTML page's title; else the text. */
function providerMessage(body: Body): string | undefined {
  if (isRecord(body.json)) {
    const { error } = body.json;
    if (isRecord(error) && typeof error.message === 'string') return cap(error.message);
    if (typeof error === 'string') return cap(error);
    for (const key of ['msg', 'message', 'detail'] as const) {
      const value = body.json[key];
      if (typeof value === 'string') return cap(value);
    }
    return undefined;
  }
  if (body.html) return htmlTitle(body.text ?? '');
  const text = body.text?.trim();
  return text ? cap(text) : undefined;
}

function htmlTitle(html: string): string | undefined {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.replace(/\s+/g, ' ').trim();
  return title ? cap(title) : undefined;
}

function cap(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

function connectionFacts(thrown: unknown): Pick<Facts, 'timedOut' | 'connectionFailed'> {
  const chain = causeChain(thrown);
  const codes = chain.map((e) => (e as { code?: unknown }).code).filter((c): c is string => typeof c === 'string');
  const messages = chain.map((e) => e.message);
  const timedOut =
    thrown instanceof APIConnectionTimeoutError ||
    codes.some((c) => TIMEOUT_CODES.has(c)) ||
    chain.some((e) => e.name === 'TimeoutError') ||
    messages.some((m) => CHROMIUM_TIMEOUT.test(m));
  const connectionFailed =
    thrown instanceof APIConnectionError ||
    codes.some((c) => NETWORK_CODES.has(c)) ||
    messages.some((m) => CHROMIUM_NET_ERROR.test(m)) ||
    (thrown instanceof TypeError && UNDICI_NET_MESSAGE.test(thrown.message));
  return { timedOut, connectionFailed };
}

/** The error and its causes (fetch wraps the system error one or two levels down). */
function causeChain(thrown: unknown): Error[] {
  const chain: Error[] = [];
  let current: unknown = thrown;
  while (current instanceof Error && chain.length < 6) {
    chain.push(current);
    current = current.cause;
  }
  return chain;
}

function locate(requestUrl: string): { host: string; path: string } | undefined {
  try {
    const url = new URL(requestUrl);
    return { host: url.host, path: url.pathname };
  } catch {
    return undefined;
  }
}

function mask(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join('[redacted]');
  return redact(out);
}
