import type { FerryBridge } from '../../../shared/bridge';
import type { Transport } from './transport';

/** Electron: the preload's forwarder is always there, so the connection never drops. */
export function createIpcTransport(bridge: FerryBridge): Transport {
  return {
    invoke: (route, input) => bridge.invoke(route, input),
    onEvent: (listener) => bridge.onEvent(listener),
    getState: () => 'open',
    onStateChange: () => () => {},
    reconnect: () => {},
    watch: (conversationId) => bridge.watch(conversationId),
  };
}
