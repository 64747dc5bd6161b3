import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, appResponseHeaders, resolveAppRequest } from './policy/app-request';

export { APP_ORIGIN } from './policy/app-request';

/** Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Answers one app:// request from the built renderer folder (see resolveAppRequest for what is refused). */
export async function answerAppRequest(request: Request, rendererDir: string): Promise<Response> {
  const target = resolveAppRequest(request.url, rendererDir, request.method);
  const notFound = (status: number) => new Response(status === 405 ? 'Method not allowed' : 'Not found', { status, headers: appResponseHeaders('text/plain; charset=utf-8') });
  if (!target.ok) return notFound(target.status);
  let body: Buffer;
  try {
    body = await readFile(target.file);
  } catch {
    return notFound(404);
  }
  const headers = appResponseHeaders(target.contentType);
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: { ...headers, 'Content-Length': String(body.length) } });
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(request, rendererDir));
}
