import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A release description as electron-builder 26 writes it (here for an NSIS build). */
export const latestYml = (version: string) => `version: ${version}
files:
  - url: Ferry-Setup-${version}-x64.exe
    sha512: 3RsA2xwQYxbmwPhhE4TmF3ah8nRWYxUCeMFDFn9LzZ9W4HWGfDq5Iu9bZXGbJrKB3mdmfjQCJUvbfTnsWVwT5Q==
    size: 98314752
path: Ferry-Setup-${version}-x64.exe
sha512: 3RsA2xwQYxbmwPhhE4TmF3ah8nRWYxUCeMFDFn9LzZ9W4HWGfDq5Iu9bZXGbJrKB3mdmfjQCJUvbfTnsWVwT5Q==
releaseDate: '2026-12-01T09:41:03.120Z'
releaseNotes: Faster search.
`;

export interface FeedServer {
  /** The folder URL a user would type as the mirror. */
  url: string;
  /** Paths requested so far. */
  requests: string[];
  /** What GET <path> answers next. */
  serve(path: string, answer: { status?: number; body: string; contentType?: string }): void;
  close(): Promise<void>;
}

/** A generic update feed (a mirror folder) on 127.0.0.1: files by path, everything else 404. */
export async function startFeedServer(): Promise<FeedServer> {
  const answers = new Map<string, { status?: number; body: string; contentType?: string }>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    const answer = answers.get(path);
    if (!answer) return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    res.writeHead(answer.status ?? 200, { 'Content-Type': answer.contentType ?? 'text/yaml' }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/ferry/`,
    requests,
    serve: (path, answer) => void answers.set(path, answer),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
