import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface WebDavServer {
  url: string;
  dir: string;
  user: string;
  pass: string;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/**
 * A real WebDAV server: Debian's rclone serving a temp folder on 127.0.0.1 with basic auth.
 * `dir`: serve this folder instead (it is left in place on stop, e.g. a small tmpfs).
 */
export async function startWebDavServer(opts: { dir?: string } = {}): Promise<WebDavServer> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'ferry-webdav-'));
  const port = await freePort();
  const user = 'ferry';
  const pass = 'webdav-test-password';
  const child: ChildProcess = spawn('rclone', ['serve', 'webdav', dir, '--addr', `127.0.0.1:${port}`, '--user', user, '--pass', pass], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (d) => (log += String(d)));
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    try {
      const response = await fetch(url, { method: 'PROPFIND', headers: { Depth: '0', Authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}` } });
      if (response.status === 207) break;
    } catch {
      // not listening yet
    }
    if (i > 100 || child.exitCode !== null) throw new Error(`rclone serve webdav did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    dir,
    user,
    pass,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
