/**
 * Origins compared by their parts, never through `URL.origin`: Node's WHATWG URL gives the origin
 * `"null"` for every non-special scheme (`new URL('app://ferry/').origin === 'null'`), so a check built
 * on it refuses our own page. `scheme://host[:port]`, lower-cased, is what Chromium reports as
 * `senderFrame.origin` for a scheme registered as standard.
 */
export function originOf(raw: string | undefined | null): string | null {
  if (!raw || raw === 'null') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  // file:, data:, blob:, about: have no host of their own: never one of ours.
  if (!url.host) return null;
  return `${url.protocol.toLowerCase()}//${url.host.toLowerCase()}`;
}

/** Whether `raw` (a URL or an origin) belongs to one of `allowed` (origins such as `app://ferry`). */
export function isAllowedOrigin(raw: string | undefined | null, allowed: readonly string[]): boolean {
  const origin = originOf(raw);
  return origin !== null && allowed.some((entry) => originOf(entry) === origin);
}
