import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Who may talk to the browser host: only pages it served itself, addressed by loopback name
 * (a foreign Host header means DNS rebinding), from its own origin, holding this launch's token.
 */
export function createRequestGuard(port: number, token: string) {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origins = new Set([...hosts].map((h) => `http://${h}`));
  const tokenBytes = Buffer.from(token);

  const tokenMatches = (candidate: string | null) => {
    if (!candidate) return false;
    const bytes = Buffer.from(candidate);
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  };

  return {
    hostAllowed: (req: IncomingMessage) => hosts.has((req.headers.host ?? '').toLowerCase()),

    /** For the WebSocket upgrade: returns the HTTP status to refuse with, or null to accept. */
    checkBridge(req: IncomingMessage): 401 | 403 | null {
      if (!hosts.has((req.headers.host ?? '').toLowerCase())) return 403;
      const origin = req.headers.origin;
      if (!origin || !origins.has(origin.toLowerCase())) return 403;
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      return tokenMatches(url.searchParams.get('token')) ? null : 401;
    },
  };
}
