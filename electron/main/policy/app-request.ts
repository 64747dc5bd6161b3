import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { contentSecurityPolicy } from '../../core/csp';

/** The renderer is served from app://ferry/, a privileged standard scheme, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ferry';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** With nosniff, an unknown type is never guessed into something executable. */
export const mimeType = (file: string): string => MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';

/** Headers of every app:// response, the 404s included. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

export type AppRequestTarget =
  | { ok: true; file: string; contentType: string }
  | { ok: false; status: 404 | 405 };

/**
 * Maps an app:// request to a file under `rootDir`, or refuses it. Each path segment is decoded on its
 * own and must still be one plain name afterwards: `%2e%2e`, `%2f`, `%5c`, backslashes, drive letters,
 * NUL bytes and absolute paths never reach the file system. Only GET and HEAD, only host `ferry`.
 */
export function resolveAppRequest(rawUrl: string, rootDir: string, method = 'GET'): AppRequestTarget {
  if (method !== 'GET' && method !== 'HEAD') return { ok: false, status: 405 };
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, status: 404 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return { ok: false, status: 404 };

  const rawSegments = url.pathname.split('/').filter((s) => s !== '');
  const names: string[] = [];
  for (const raw of rawSegments) {
    let name: string;
    try {
      name = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 404 };
    }
    if (name === '.' || name === '..' || /[/\\:\0]/.test(name)) return { ok: false, status: 404 };
    names.push(name);
  }
  if (names.length === 0) names.push('index.html');

  const file = join(rootDir, ...names);
  const rel = relative(rootDir, file);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return { ok: false, status: 404 };
  return { ok: true, file, contentType: mimeType(file) };
}
