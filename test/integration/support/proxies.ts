import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The default import: simple-socks is CommonJS, and Playwright's ESM loader sees no named exports in it.
import simpleSocks, { type DestinationInfo } from 'simple-socks';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

export interface Tinyproxy {
  url: string;
  port: number;
  /** Tinyproxy's own log: what went through it, seen from the proxy's side. */
  log(): string;
  stop(): Promise<void>;
}

/** Debian's tinyproxy on 127.0.0.1 on a free port, in the foreground, with its own config and log. */
export async function startTinyproxy(auth?: { username: string; password: string }): Promise<Tinyproxy> {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-tinyproxy-'));
  const port = await freePort();
  const logFile = join(dir, 'tinyproxy.log');
  const conf = [
    `Port ${port}`,
    'Listen 127.0.0.1',
    'Timeout 30',
    `LogFile "${logFile}"`,
    'LogLevel Info',
    'MaxClients 20',
    'Allow 127.0.0.1',
    ...(auth ? [`BasicAuth ${auth.username} ${auth.password}`] : []),
  ].join('\n');
  writeFileSync(join(dir, 'tinyproxy.conf'), `${conf}\n`);
  const child = spawn('tinyproxy', ['-d', '-c', join(dir, 'tinyproxy.conf')], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let i = 0; i < 100 && !(await canConnect(port)); i += 1) await new Promise((r) => setTimeout(r, 50));
  if (!(await canConnect(port))) throw new Error('tinyproxy did not start');
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log: () => {
      try {
        return readFileSync(logFile, 'utf8');
      } catch {
        return '';
      }
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface SocksProxy {
  url: string;
  /** Destinations the proxy connected to, as the proxy saw them. */
  destinations: DestinationInfo[];
  /** Failed logins. */
  authFailures: number;
  close(): Promise<void>;
}

/** A SOCKS5 server (simple-socks), optionally with username/password. */
export async function startSocks(auth?: { username: string; password: string }): Promise<SocksProxy> {
  const server = simpleSocks.createServer(
    auth
      ? {
          authenticate: (username, password, _socket, callback) =>
            username === auth.username && password === auth.password ? callback() : callback(new Error('bad credentials')),
        }
      : {},
  );
  const proxy: SocksProxy = {
    url: '',
    destinations: [],
    authFailures: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Kept-alive client sockets would hold close() open for seconds.
        for (const socket of sockets) socket.destroy();
      }),
  };
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket: import('node:net').Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('proxyConnect', (info: DestinationInfo) => proxy.destinations.push(info));
  server.on('authenticateError', () => (proxy.authFailures += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `socks5://127.0.0.1:${(server.address() as { port: number }).port}`;
  return proxy;
}
