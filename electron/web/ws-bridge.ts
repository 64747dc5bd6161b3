import { z } from 'zod';
import { WebSocketServer, type WebSocket } from 'ws';
import type { WsServerMessage } from '../../shared/bridge';
import type { Core } from '../core/create-core';
import { deliversTo, WatchInput } from '../core/event-watch';
import type { Logger } from '../core/logger';

const ClientMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('invoke'),
    id: z.number().int(),
    route: z.string().max(100),
    input: z.unknown(),
  }),
  z.object({ type: z.literal('watch'), conversationId: WatchInput }),
]);

/** Carries the router and the event bus over WebSocket: the browser host's equivalent of IPC. */
export function createWsBridge(core: Core, logger: Logger) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });

  wss.on('connection', (socket: WebSocket) => {
    const send = (message: WsServerMessage) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    };
    // The conversation this page shows (event-watch.ts); until it says, it gets everything.
    let watched: string | null = null;
    const unsubscribe = core.events.subscribe((event) => {
      if (deliversTo(watched, event)) send({ type: 'event', event });
    });
    socket.on('close', unsubscribe);
    socket.on('error', (err) => logger.warn('bridge socket error', err));

    socket.on('message', async (data) => {
      let parsed: z.infer<typeof ClientMessage>;
      try {
        parsed = ClientMessage.parse(JSON.parse(String(data)));
      } catch {
        socket.close(1003, 'malformed message');
        return;
      }
      if (parsed.type === 'watch') {
        watched = parsed.conversationId;
        return;
      }
      const result = await core.router.dispatch(parsed.route, parsed.input);
      send({ type: 'result', id: parsed.id, result });
    });
  });

  return wss;
}
