/**
 * What reading a streamed answer costs the host's CPU, by HTTP client: `npx tsx test/bench/probes/http-read-cost.ts`.
 * A child process serves N small SSE frames (the shape of a 500 tok/s answer, paced faster so the
 * run is short); this process reads them with undici's fetch (what the upstream call uses, through
 * the OpenAI SDK), with undici's `request` (Node streams, no WHATWG streams) and with the
 * dispatcher's handler API (`dispatch` with onResponseData: no stream at all), and prints the CPU
 * time (user + system, this process only) of each read. Rounds alternate; the first is warm-up.
 * `ROUNDS=n` for more than 4.
 */
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { Agent, fetch as undiciFetch, request } from 'undici';

const FRAMES = 2000;
const GAP_MS = 3;
const frame = (i: number) => `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: `${'abcdefghij'.repeat(4)}${i}` } }] })}\n\n`;

if (process.argv[2] === 'serve') {
  const server = createServer(async (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    for (let i = 0; i < FRAMES; i++) {
      res.write(frame(i));
      await new Promise((r) => setTimeout(r, GAP_MS));
    }
    res.end('data: [DONE]\n\n');
  }).listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.send?.(typeof address === 'object' && address ? address.port : 0);
  });
} else {
  const child = fork(import.meta.filename, ['serve'], { execArgv: ['--import', 'tsx'] });
  const port = await new Promise<number>((resolve) => child.once('message', (m) => resolve(Number(m))));
  const url = `http://127.0.0.1:${port}/`;
  const read = async (kind: 'fetch' | 'request' | 'dispatch'): Promise<{ cpuMs: number; chars: number }> => {
    const dispatcher = new Agent();
    const before = process.cpuUsage();
    let chars = 0;
    if (kind === 'fetch') {
      const response = await undiciFetch(url, { method: 'POST', body: '{}', dispatcher });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chars += decoder.decode(value, { stream: true }).length;
      }
    } else if (kind === 'dispatch') {
      const decoder = new TextDecoder();
      await new Promise<void>((resolve, reject) =>
        dispatcher.dispatch(
          { origin: new URL(url).origin, path: '/', method: 'POST', body: '{}' },
          {
            onRequestStart() {},
            onResponseStart() {},
            onResponseData(_c: unknown, chunk: Buffer) {
              chars += decoder.decode(chunk, { stream: true }).length;
            },
            onResponseEnd: () => resolve(),
            onResponseError: (_c: unknown, e: Error) => reject(e),
          } as unknown as Parameters<Agent['dispatch']>[1],
        ),
      );
    } else {
      const { body } = await request(url, { method: 'POST', body: '{}', dispatcher });
      body.setEncoding('utf8');
      await new Promise<void>((resolve, reject) => body.on('data', (s: string) => void (chars += s.length)).on('end', resolve).on('error', reject));
    }
    const used = process.cpuUsage(before);
    await dispatcher.close();
    return { cpuMs: (used.user + used.system) / 1000, chars };
  };
  for (let round = 0; round < Number(process.env.ROUNDS ?? 4); round++) {
    for (const kind of ['fetch', 'request', 'dispatch'] as const) {
      const { cpuMs, chars } = await read(kind);
      console.log(`round ${round}${round === 0 ? ' (warm-up)' : ''} ${kind.padEnd(7)} ${cpuMs.toFixed(0).padStart(4)} ms CPU for ${FRAMES} frames (${chars} characters)`);
    }
  }
  child.kill();
}
