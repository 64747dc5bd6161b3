import type { DiagnosticCode, DiagnosticFailure } from '../../../shared/schemas';

/** What came back for one HTTP probe, as far as classification needs it. */
export interface ProbeResponse {
  status: number;
  contentType: string;
  body: string;
}

/** A parsed JSON body, or null. Bodies are capped by the caller. */
function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return null;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The provider's own words from OpenAI's `{error:{message}}`, NextChat's `{error:true,msg|message}`, or a bare `{message}`. */
function providerMessageOf(json: unknown): { message?: string; code?: string } {
  if (!isRecord(json)) return {};
  const err = json.error;
  if (isRecord(err)) {
    return {
      ...(typeof err.message === 'string' ? { message: err.message } : {}),
      ...(typeof err.code === 'string' ? { code: err.code } : {}),
    };
  }
  for (const field of ['msg', 'message', 'detail']) {
    if (typeof json[field] === 'string') return { message: json[field] };
  }
  return {};
}

/** A NextChat relay's refusal: `{"error": true, "msg": ...}` (its own JSON, not OpenAI's). */
function isNextChatError(json: unknown): boolean {
  return isRecord(json) && json.error === true;
}

function looksLikeHtml(res: Pick<ProbeResponse, 'contentType' | 'body'>): boolean {
  return /text\/html/i.test(res.contentType) || /^\s*(<!doctype html|<html)/i.test(res.body);
}

/** Model ids from a `/models` answer (`{data:[{id}]}`), or null when it is not one. */
export function modelIdsOf(body: string): string[] | null {
  const json = parseJson(body);
  if (!isRecord(json) || !Array.isArray(json.data)) return null;
  return json.data.flatMap((m) => (isRecord(m) && typeof m.id === 'string' ? [m.id] : []));
}

/**
 * Classifies one HTTP answer of the connection test. Null: the answer is what the API gives when
 * all is well. Checks the body on 200 too: relays (NextChat) report internal errors with HTTP 200.
 */
export function classifyResponse(res: ProbeResponse, expect: 'models' | 'completion'): DiagnosticFailure | null {
  const json = parseJson(res.body);
  const { message, code } = providerMessageOf(json);
  const withWords = (c: DiagnosticCode): DiagnosticFailure => ({
    code: c,
    status: res.status,
    ...(message ? { providerMessage: message.slice(0, 500) } : {}),
  });

  if (res.status >= 200 && res.status < 300) {
    if (looksLikeHtml(res)) return { code: 'html_page', status: res.status };
    if (isNextChatError(json) || (isRecord(json) && isRecord(json.error))) return withWords('error_body');
    if (expect === 'models' && modelIdsOf(res.body) === null) return withWords('unknown');
    if (expect === 'completion' && !(isRecord(json) && Array.isArray(json.choices))) return withWords('unknown');
    return null;
  }
  if (res.status === 407) return withWords('proxy_auth');
  if (res.status === 401) {
    return withWords(isNextChatError(json) && /access code/i.test(message ?? '') ? 'wrong_access_code' : 'unauthorized');
  }
  if (res.status === 404 && (code === 'model_not_found' || /model.*(not exist|not found|does not exist)/i.test(message ?? ''))) {
    return withWords('model_not_found');
  }
  if (res.status === 403) return withWords('forbidden');
  if (res.status === 404 || res.status === 405) return withWords(looksLikeHtml(res) ? 'html_page' : 'not_found');
  if (res.status === 429) return withWords('rate_limited');
  if (res.status >= 500) return withWords('server_error');
  if (looksLikeHtml(res)) return { code: 'html_page', status: res.status };
  return withWords('unknown');
}

/** Whether /models failing this way means "try a 1-token completion instead" (relays that hide /models). */
export const shouldFallBackToCompletion = (f: DiagnosticFailure) =>
  (f.code === 'not_found' || f.code === 'forbidden') && (f.status === 403 || f.status === 404 || f.status === 405);

/** Classifies a thrown network error (Node / undici / socks) into the step it failed at. */
export function classifyNetworkError(error: unknown, viaProxy: boolean): DiagnosticFailure {
  const parts: string[] = [];
  let current: unknown = error;
  for (let i = 0; i < 4 && current; i += 1) {
    if (current instanceof Error) {
      parts.push(`${(current as NodeJS.ErrnoException).code ?? ''} ${current.name} ${current.message}`);
      current = current.cause;
    } else break;
  }
  const text = parts.join(' | ');
  const detail = text.replace(/\s+/g, ' ').trim().slice(0, 300);
  if (/Proxy response \((401|407)\)|\b407\b|authentication failed|Socks5 Authentication|SOCKS_AUTH/i.test(text)) return { code: 'proxy_auth', detail };
  if (/Proxy response \(\d+\)|Socks5 proxy rejected|SocksClientError/i.test(text)) return { code: viaProxy ? 'proxy_refused' : 'network', detail };
  if (/TimeoutError|ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|aborted due to timeout/i.test(text)) return { code: 'timeout', detail };
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo/i.test(text)) return { code: viaProxy ? 'proxy_refused' : 'host_not_found', detail };
  if (/ECONNREFUSED/.test(text)) return { code: viaProxy ? 'proxy_refused' : 'refused', detail };
  if (/CERT|SSL|TLS|self[- ]signed|unable to verify/i.test(text)) return { code: 'tls', detail };
  return { code: 'network', detail };
}
