/**
 * What a WebSocket message to the page costs the host's CPU: `npx tsx test/bench/probes/ws-send-cost.ts`.
 * A `ws` server in this process sends N small messages (a chat.delta event each, ~120 bytes) to a
 * client in a child process over loopback, paced like the delta batcher at 500 tok/s (every 32 ms,
 * here every 2 ms so the run is short); prints this process's CPU time (user + system) per message.
 */
import { fork } from 'node:child_process';
import { WebSocketServer, WebSocket } from 'ws';

const N = 1300;
if (process.argv[2] === 'client') {
  const socket = new WebSocket(`ws://127.0.0.1:${process.argv[3]}/`);
  let got = 0;
  socket.on('message', () => {
    if (++got % N === 0) socket.send('round');
  });
} else {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((r) => wss.once('listening', r));
  const port = (wss.address() as { port: number }).port;
  const child = fork(import.meta.filename, ['client', String(port)], { execArgv: ['--import', 'tsx'] });
  const socket = await new Promise<WebSocket>((r) => wss.once('connection', r));
  const event = (i: number) => ({ type: 'event', event: { name: 'chat.delta', payload: { conversationId: 'c-0123456789', messageId: 'm-0123456789', part: 'content', offset: i * 64, text: 'abcdefghij'.repeat(6) + i } } });
  for (let round = 0; round < 4; round++) {
    const done = new Promise((r) => socket.once('message', r));
    const before = process.cpuUsage();
    for (let i = 0; i < N; i++) {
      socket.send(JSON.stringify(event(i)));
      await new Promise((r) => setTimeout(r, 2));
    }
    await done;
    const used = process.cpuUsage(before);
    console.log(`round ${round}${round === 0 ? ' (warm-up)' : ''}: ${N} messages ${((used.user + used.system) / 1000).toFixed(0)} ms CPU (user ${(used.user / 1000).toFixed(0)}, system ${(used.system / 1000).toFixed(0)}), ${(((used.user + used.system) / N)).toFixed(0)} µs each (with the 2 ms timer)`);
  }
  child.kill();
  wss.close();
}
