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
  response?: { status: number; contentType?: string | null; body?: string; retryAfter?: string | null; retryAfterMs?: string | null };
  /** False when the request went out without a key: a 401 then means "this server needs a key". */
  keyProvided?: boolean;
  /** Masked verbatim in the provider's message (the key, in case a server echoes it). */
  secrets?: readonly string[];
  /** The error object arrived inside a 200 answer or event stream. */
  inStream?: boolean;
  /** Our own timer ended the request: it wins over whatever the abort looked like. */
  timedOut?: 'connect' | 'first_byte' | 'idle';
}

/** Everything the rules look at, extracted once. */
interface Facts {
  status: number | undefined;
  /** The provider's `error.code` and `error.type`, when it sent them. */
  providerCodes: string[];
  /** The provider's message, for the rules that must read it (relays rarely send codes). */
  message: string;
  html: boolean;
  /** The stream could not be parsed (invalid JSON in a `data:` line). */
  malformed: boolean;
  inStream: boolean;
  ownTimeout: FailureContext['timedOut'];
  /** Error codes and messages along the cause chain of what was thrown. */
  sysCodes: string[];
  sysMessages: string[];
  timedOut: boolean;
  connectionFailed: boolean;
  keyProvided: boolean;
}

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPROTO',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME']);
const RESET_CODES = new Set(['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const TLS_CODE = /^(?:CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_(?:VERIFY|GET_ISSUER)|ERR_TLS_|ERR_SSL_|EPROTO$)/;
// Electron's net.fetch reports Chromium net errors by message, without a code.
// Also the socks library's message when a SOCKS5 proxy never finishes its handshake within the connect limit.
const CHROMIUM_TIMEOUT = /net::ERR_(?:CONNECTION_)?TIMED_OUT|^Proxy connection timed out$/;
const CHROMIUM_NET_ERROR = /net::ERR_[A-Z_]+/;
const CHROMIUM_DNS = /net::ERR_NAME_(?:NOT_RESOLVED|RESOLUTION_FAILED)/;
const CHROMIUM_REFUSED = /net::ERR_CONNECTION_REFUSED/;
const CHROMIUM_RESET = /net::ERR_(?:CONNECTION_(?:RESET|CLOSED|ABORTED)|EMPTY_RESPONSE|INCOMPLETE_CHUNKED_ENCODING)/;
const CHROMIUM_TLS = /net::ERR_(?:CERT_|SSL_)/;
// A proxy refusing CONNECT for want of credentials: 407, or 401 from some (tinyproxy's BasicAuth answers 401).
const PROXY_AUTH = /net::ERR_PROXY_AUTH|Proxy response \((?:401|407)\)|\b407 Proxy Authentication Required/i;
// undici's own messages when the socket fails before or during the body.
const UNDICI_NET_MESSAGE = /^(?:fetch failed|terminated)$/;
const CONTEXT_LENGTH = /context[ _]length|maximum context|context window|too many tokens|prompt is too long/i;
const MODEL_MISSING = /\bmodel\b.*(?:does not exist|not found|not exist)|(?:no such|unknown|invalid) model/i;
const NO_CHANNEL = /no available channel|无可用渠道|no_available_channel/i;
const ACCESS_CODE = /access code/i;

const has = (f: Facts, code: string) => f.providerCodes.includes(code);
const inRange = (f: Facts, low: number, high: number) => f.status !== undefined && f.status >= low && f.status <= high;
const sys = (f: Facts, codes: Set<string> | RegExp, chromium: RegExp) =>
  f.sysCodes.some((c) => (codes instanceof Set ? codes.has(c) : codes.test(c))) || f.sysMessages.some((m) => chromium.test(m));

/**
 * First match wins. Order encodes the judgement calls: our own timers first; a connection failure
 * has no status; the provider's own code beats the status (429 can be quota or rate); 401/403/429/5xx
 * keep their meaning even when the body is an HTML page (a gateway's 502 page is still a gateway
 * error); any other HTML answer means the URL reached a web page, not the API.
 */
const RULES: ReadonlyArray<readonly [UpstreamErrorCode, (f: Facts) => boolean]> = [
  ['connect_timeout', (f) => f.ownTimeout === 'connect'],
  ['first_byte_timeout', (f) => f.ownTimeout === 'first_byte'],
  ['idle_timeout', (f) => f.ownTimeout === 'idle'],
  ['proxy_auth', (f) => f.status === 407 || f.sysMessages.some((m) => PROXY_AUTH.test(m))],
  ['connect_timeout', (f) => f.sysCodes.includes('UND_ERR_CONNECT_TIMEOUT') || f.sysMessages.some((m) => CHROMIUM_TIMEOUT.test(m))],
  ['timeout', (f) => f.timedOut],
  ['tls', (f) => sys(f, TLS_CODE, CHROMIUM_TLS)],
  ['dns', (f) => sys(f, DNS_CODES, CHROMIUM_DNS)],
  ['connection_refused', (f) => sys(f, new Set(['ECONNREFUSED']), CHROMIUM_REFUSED)],
  ['connection_reset', (f) => sys(f, RESET_CODES, CHROMIUM_RESET) || f.sysMessages.some((m) => m === 'terminated')],
  ['network', (f) => f.connectionFailed],
  ['bad_response', (f) => f.malformed],
  ['insufficient_quota', (f) => has(f, 'insufficient_quota')],
  ['context_length_exceeded', (f) => has(f, 'context_length_exceeded') || ((f.status === 400 || f.status === 413) && CONTEXT_LENGTH.test(f.message))],
  ['region_blocked', (f) => has(f, 'unsupported_country_region_territory')],
  ['model_not_found', (f) => has(f, 'model_not_found') || (f.status === 404 && !f.html && MODEL_MISSING.test(f.message))],
  ['no_key', (f) => f.status === 401 && !f.keyProvided],
  ['access_code', (f) => f.status === 401 && ACCESS_CODE.test(f.message)],
  ['unauthorized', (f) => f.status === 401 || has(f, 'invalid_api_key')],
  ['forbidden', (f) => f.status === 403],
  ['rate_limited', (f) => f.status === 429 || has(f, 'rate_limit_exceeded')],
  ['no_channel', (f) => NO_CHANNEL.test(f.message)],
  ['bad_gateway', (f) => f.status === 502],
  ['gateway_timeout', (f) => f.status === 504],
  ['server_error', (f) => inRange(f, 500, 599)],
  ['payload_too_large', (f) => f.status === 413],
  ['html_response', (f) => f.html],
  ['not_found', (f) => f.status === 404],
  ['timeout', (f) => f.status === 408],
  ['bad_request', (f) => f.status === 400 || f.status === 422],
  // A 2xx that still failed: an error body where the answer should be (NextChat does this), or an
  // error frame inside the event stream.
  ['error_in_stream', (f) => f.inStream || inRange(f, 200, 299)],
  ['bad_response', (f) => inRange(f, 300, 399)],
  ['server_error', (f) => has(f, 'server_error')],
];

const MAX_MESSAGE = 1_000;

/** Turns anything the SDK (or fetch under it) throws into the stored, key-free `UpstreamError`. */
export function mapUpstreamError(thrown: unknown, context: FailureContext): UpstreamError {
  const body = readBody(thrown, context.response);
  const message = providerMessage(body);
  const chain = causeChain(thrown);
  const facts: Facts = {
    status: context.response?.status ?? httpStatus(thrown),
    providerCodes: providerCodes(body.json),
    message: message ?? '',
    html: body.html,
    malformed: thrown instanceof SyntaxError,
    inStream: context.inStream ?? (thrown instanceof APIError && !(thrown instanceof APIConnectionError) && thrown.status === undefined && thrown.error !== undefined),
    ownTimeout: context.timedOut,
    sysCodes: chain.map((e) => (e as { code?: unknown }).code).filter((c): c is string => typeof c === 'string'),
    sysMessages: chain.map((e) => e.message),
    ...connectionFacts(thrown),
    keyProvided: context.keyProvided ?? true,
  };
  const code = RULES.find(([, matches]) => matches(facts))?.[0] ?? 'unknown';
  const where = locate(context.requestUrl);

  const error: UpstreamError = { code };
  if (facts.status !== undefined) error.status = facts.status;
  if (message) error.providerMessage = mask(message, context.secrets);
  if (where) {
    error.host = where.host;
    error.path = mask(where.path, context.secrets);
  }
  const retryAfter = code === 'rate_limited' ? retryAfterSeconds(thrown, context.response) : undefined;
  if (retryAfter !== undefined) error.retryAfterSeconds = retryAfter;
  const param = code === 'bad_request' || code === 'context_length_exceeded' ? badParam(body.json, message) : undefined;
  if (param) error.param = mask(param, context.secrets);
  return error;
}

/** `Retry-After` (seconds or an HTTP date) or OpenAI's `retry-after-ms`, from the captured answer or the SDK's error. */
function retryAfterSeconds(thrown: unknown, response: FailureContext['response']): number | undefined {
  const headers = thrown instanceof APIError ? thrown.headers : undefined;
  const ms = response?.retryAfterMs ?? headers?.get('retry-after-ms');
  if (ms && /^\d+(?:\.\d+)?$/.test(ms.trim())) return Math.ceil(Number(ms) / 1000);
  const value = (response?.retryAfter ?? headers?.get('retry-after'))?.trim();
  if (!value) return undefined;
  if (/^\d+(?:\.\d+)?$/.test(value)) return Math.ceil(Number(value));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

const NAMED_PARAM = /(?:unknown|unrecognized|unsupported|invalid|unexpected|extra)\s+(?:request\s+)?(?:parameter|argument|field)s?:?\s*['"`]?([\w.[\]-]+)['"`]?/i;

/** OpenAI's `error.param`, else a parameter the message names ("Unknown parameter: 'stream_options'"). */
function badParam(json: unknown, message: string | undefined): string | undefined {
  if (isRecord(json) && isRecord(json.error) && typeof json.error.param === 'string' && json.error.param) return json.error.param;
  return message ? NAMED_PARAM.exec(message)?.[1] : undefined;
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
