/**
 * Turns what a user typed into the base URL the SDK uses and the URL chat requests go to.
 * Pure and dependency-free: main uses it to send, the renderer for the live preview, and both
 * must agree byte for byte.
 *
 * Rules, in order:
 * 1. Trim. Nothing left → `empty`.
 * 2. No `scheme://` → `http://` for hosts that only make sense on this machine or the LAN
 *    (localhost, loopback, private/link-local ranges, `.local`, single-label names such as a
 *    Docker service `ollama`), `https://` for everything else.
 * 3. Only http and https → otherwise `scheme`. Unparsable, no host, user:password@, whitespace
 *    anywhere, or a host name with characters no host has → `invalid`. (Browsers' URL parsers
 *    percent-encode what Node's refuses: `not a url` must fail the same way in both.)
 * 4. Query and hash are dropped (NextChat drops them anyway; the SDK would mangle them).
 * 5. Trailing slashes are removed. Unless `asTyped`: a pasted `/chat/completions` is removed, and
 *    `/v1` is appended when no path segment is a version (`v4`, `v1`, `v1beta`).
 */
export type BaseUrlResult =
  | { ok: true; baseUrl: string; requestUrl: string }
  | { ok: false; reason: 'empty' | 'invalid' | 'scheme' };

export interface BaseUrlOptions {
  /** Use the path exactly as typed: no `/v1` added, no `/chat/completions` removed. */
  asTyped?: boolean;
}

const CHAT_PATH = '/chat/completions';
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
// `v1beta`/`v1alpha` count: Gemini's OpenAI endpoint lives under /v1beta/openai.
const VERSION_SEGMENT = /^v\d+(?:(?:alpha|beta)\d*)?$/i;
/** What a parsed host name can be: DNS labels (IDNs arrive as punycode), IPv4, or a bracketed IPv6. */
const PLAUSIBLE_HOST = /^(?:[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*\.?$|^\[[0-9a-f:.]+\]$/i;

export function resolveBaseUrl(input: string, opts: BaseUrlOptions = {}): BaseUrlResult {
  const typed = input.trim();
  if (!typed) return { ok: false, reason: 'empty' };
  if (/\s/u.test(typed)) return { ok: false, reason: 'invalid' };

  const url = parseWithScheme(typed);
  if (!url) return { ok: false, reason: 'invalid' };
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'scheme' };
  if (!url.hostname || url.username || url.password || !PLAUSIBLE_HOST.test(url.hostname)) return { ok: false, reason: 'invalid' };

  let path = stripTrailingSlashes(url.pathname);
  if (!opts.asTyped) {
    if (path.toLowerCase().endsWith(CHAT_PATH)) path = stripTrailingSlashes(path.slice(0, -CHAT_PATH.length));
    if (!path.split('/').some((segment) => VERSION_SEGMENT.test(segment))) path += '/v1';
  }

  const baseUrl = url.origin + path;
  return { ok: true, baseUrl, requestUrl: baseUrl + CHAT_PATH };
}

function parseWithScheme(typed: string): URL | null {
  if (HAS_SCHEME.test(typed)) return tryParse(typed);
  // "//host/v1" is a scheme-relative URL: treat it like a bare host.
  const bare = typed.replace(/^\/\/+/, '');
  // Parse once with http:// only to learn the hostname, then pick the scheme that host needs.
  const probe = tryParse(`http://${bare}`);
  if (!probe) return null;
  return isLocalHost(probe.hostname) ? probe : tryParse(`https://${bare}`);
}

function tryParse(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function stripTrailingSlashes(path: string): string {
  return path.replace(/\/+$/, '');
}

/** Hosts no public CA can certify, where local servers (Ollama, LM Studio, a NAS) speak plain http. */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return true;
  if (!host.includes('.') && !host.includes(':')) return true; // single-label LAN / Docker name
  const v4 = host.match(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/);
  if (v4) {
    const a = Number(v4[1]);
    const b = Number(v4[2]);
    return (
      a === 127 ||
      a === 10 ||
      (a === 0 && b === 0 && Number(v4[3]) === 0 && Number(v4[4]) === 0) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254)
    );
  }
  if (host.includes(':')) {
    return host === '::1' || /^f[cd][0-9a-f]{0,2}:/.test(host) || /^fe[89ab][0-9a-f]?:/.test(host);
  }
  return false;
}
