import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { WS_BRIDGE_PATH } from '../../shared/bridge';
import type { Core } from '../core/create-core';
import { contentSecurityPolicy } from '../core/csp';
import type { Logger } from '../core/logger';
import { createRequestGuard } from './request-guard';
import { createWsBridge } from './ws-bridge';

export interface WebHostOptions {
  core: Core;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  token: string;
  logger: Logger;
}

export interface WebHost {
  /** The interface it listens on: always loopback. */
  address: string;
  port: number;
  /** The address to open, token included. */
  url: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

/** Serves the renderer on 127.0.0.1 only and bridges the core's router over a WebSocket. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const serveStatic = sirv(options.staticDir, { etag: true, dev: false });
  const bridge = createWsBridge(options.core, options.logger);
  let guard: ReturnType<typeof createRequestGuard> | null = null;

  const securityHeaders = (res: ServerResponse, port: number) => {
    res.setHeader('Content-Security-Policy', contentSecurityPolicy([`ws://${LOOPBACK}:${port}`, `ws://localhost:${port}`]));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  };

  const server = createServer((req, res) => {
    if (!guard || !guard.hostAllowed(req)) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'Content-Type': 'text/plain' }).end('Method not allowed');
      return;
    }
    securityHeaders(res, port);
    serveStatic(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    });
  });

  server.on('upgrade', (req, socket, head) => {
    const refused = !guard ? 403 : new URL(req.url ?? '/', 'http://x').pathname !== WS_BRIDGE_PATH ? 404 : guard.checkBridge(req);
    if (refused) {
      socket.end(`HTTP/1.1 ${refused} ${refused === 401 ? 'Unauthorized' : refused === 404 ? 'Not Found' : 'Forbidden'}\r\nConnection: close\r\n\r\n`);
      return;
    }
    bridge.handleUpgrade(req, socket, head, (ws) => bridge.emit('connection', ws, req));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  guard = createRequestGuard(port, options.token);

  return {
    address,
    port,
    url: `http://${LOOPBACK}:${port}/?token=${options.token}`,
    async close() {
      for (const client of bridge.clients) client.terminate();
      bridge.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
