import { XMLParser } from 'fast-xml-parser';

/** Why a request failed, in the terms the status line shows. */
export class SyncError extends Error {
  constructor(
    readonly code: 'offline' | 'unauthorized' | 'quota' | 'server_error' | 'wrong_passphrase' | 'bad_server_files',
    detail: string,
  ) {
    super(detail);
    this.name = 'SyncError';
  }
}

const xml = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, isArray: (name) => name === 'response' });

/**
 * The few WebDAV requests sync needs (MKCOL, PROPFIND depth 1, GET, PUT, MOVE, DELETE) over the
 * fetch the network service gives, so they follow the app's proxy settings. PROPFIND answers are
 * parsed with fast-xml-parser. Uploads go to a temporary name and are MOVEd into place: a reader
 * never sees a half-written file under its final name.
 */
export function createWebDavClient(opts: { url: string; username: string; password: string; fetch: typeof fetch; timeoutMs?: number }) {
  const base = new URL(opts.url.endsWith('/') ? opts.url : `${opts.url}/`);
  const auth = opts.username || opts.password ? `Basic ${Buffer.from(`${opts.username}:${opts.password}`).toString('base64')}` : null;
  // Relative to the sync folder, never to the server's root.
  const urlOf = (path: string) => new URL(path.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/'), base).href;

  async function request(method: string, path: string, init: { body?: Uint8Array | string; headers?: Record<string, string> } = {}): Promise<Response> {
    let response: Response;
    try {
      response = await opts.fetch(urlOf(path), {
        method,
        headers: { ...(auth ? { Authorization: auth } : {}), ...init.headers },
        ...(init.body !== undefined ? { body: init.body as BodyInit } : {}),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 60_000),
      });
    } catch (error) {
      throw new SyncError('offline', `${method} ${path}: ${error instanceof Error ? (error.cause as Error | undefined)?.message ?? error.message : String(error)}`);
    }
    if (response.status === 401 || response.status === 403) throw new SyncError('unauthorized', `${method} ${path}: HTTP ${response.status}`);
    if (response.status === 507 || response.status === 413) throw new SyncError('quota', `${method} ${path}: HTTP ${response.status}`);
    return response;
  }
  const fail = async (response: Response, what: string): Promise<never> => {
    const body = (await response.text().catch(() => '')).slice(0, 200);
    // Servers report a full disk in many ways; rclone says so in a 500's body.
    if (/no space|quota|insufficient storage|disk full/i.test(body)) throw new SyncError('quota', `${what}: HTTP ${response.status} ${body}`);
    throw new SyncError('server_error', `${what}: HTTP ${response.status} ${body}`);
  };

  return {
    async ensureDir(path: string): Promise<void> {
      const response = await request('MKCOL', `${path}/`);
      await response.arrayBuffer().catch(() => undefined);
      // 405: it exists already.
      if (!response.ok && response.status !== 405) await fail(response, `MKCOL ${path}`);
    },
    /** Names directly inside `path` (folders end with /); null when the folder does not exist. */
    async list(path: string): Promise<string[] | null> {
      const response = await request('PROPFIND', `${path}/`, {
        headers: { Depth: '1', 'Content-Type': 'application/xml' },
        body: '<?xml version="1.0"?><propfind xmlns="DAV:"><prop><resourcetype/></prop></propfind>',
      });
      if (response.status === 404) return null;
      if (response.status !== 207) await fail(response, `PROPFIND ${path}`);
      const parsed = xml.parse(await response.text()) as { multistatus?: { response?: { href?: string }[] } };
      const own = new URL(urlOf(`${path}/`)).pathname;
      const names: string[] = [];
      for (const entry of parsed.multistatus?.response ?? []) {
        const href = String(entry.href ?? '');
        const pathname = decodeURIComponent(new URL(href, base).pathname);
        if (pathname === decodeURIComponent(own) || !pathname.startsWith(decodeURIComponent(own))) continue;
        names.push(pathname.slice(decodeURIComponent(own).length));
      }
      return names;
    },
    async get(path: string): Promise<Buffer | null> {
      const response = await request('GET', path);
      if (response.status === 404) return null;
      if (!response.ok) await fail(response, `GET ${path}`);
      return Buffer.from(await response.arrayBuffer());
    },
    /** `keep: true`: a file already there stays as it is (the key file: the first device's wins). */
    async put(path: string, body: Uint8Array, opts: { keep?: boolean } = {}): Promise<void> {
      const temp = `${path}.part-${Math.random().toString(36).slice(2, 10)}`;
      const put = await request('PUT', temp, { body, headers: { 'Content-Type': 'application/octet-stream' } });
      // Go's x/net/webdav (rclone, many NAS) answers a write that failed, a full disk above all,
      // with 405 and no reason; PUT of a new file is never refused for its method otherwise.
      if (put.status === 405) {
        await put.arrayBuffer().catch(() => undefined);
        throw new SyncError('quota', `PUT ${temp}: HTTP 405 (the server could not write the file)`);
      }
      if (!put.ok) await fail(put, `PUT ${temp}`);
      await put.arrayBuffer().catch(() => undefined);
      const move = await request('MOVE', temp, { headers: { Destination: urlOf(path), Overwrite: opts.keep ? 'F' : 'T' } });
      await move.arrayBuffer().catch(() => undefined);
      // 412: the file exists and was not to be replaced.
      if (opts.keep && move.status === 412) {
        await request('DELETE', temp).catch(() => undefined);
        return;
      }
      if (!move.ok) {
        await request('DELETE', temp).catch(() => undefined);
        await fail(move, `MOVE ${path}`);
      }
    },
    async remove(path: string): Promise<void> {
      const response = await request('DELETE', path);
      await response.arrayBuffer().catch(() => undefined);
    },
  };
}

export type WebDavClient = ReturnType<typeof createWebDavClient>;
