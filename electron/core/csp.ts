/**
 * The renderer's Content-Security-Policy, sent by both hosts (as a header, on top of the meta tag
 * in index.html). No inline script, no eval, no remote content; only the bridge may be contacted.
 */
export function contentSecurityPolicy(connectSrc: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    // The syntax-highlighting worker: a same-origin script file, never blob: or data:.
    "worker-src 'self'",
    `connect-src 'self' ${connectSrc.join(' ')}`.trim(),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
