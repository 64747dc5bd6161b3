import { WS_BRIDGE_PATH } from '../../../shared/bridge';
import { createApiClient, type ApiClient } from './client';
import { createIpcTransport } from './ipc-transport';
import { takeBridgeToken } from './token';
import type { Transport } from './transport';
import { bridgeUrl, createWsTransport } from './ws-transport';

export { ApiError, toApiError, type ApiErrorCode } from './errors';
export type { ApiClient } from './client';
export type { ConnectionState } from './transport';

/** A transport for a page opened without its token: nothing to connect to, say so. */
function noTokenTransport(): Transport {
  return {
    invoke: () => Promise.resolve({ ok: false, error: { code: 'forbidden', message: 'No bridge token' } }),
    onEvent: () => () => {},
    getState: () => 'no-token',
    onStateChange: () => () => {},
    reconnect: () => {},
    watch: () => {},
  };
}

/** Electron exposes `window.ferry`; anywhere else we are the browser host's page. */
function chooseTransport(): Transport {
  if (window.ferry) return createIpcTransport(window.ferry);
  const token = takeBridgeToken();
  if (!token) return noTokenTransport();
  return createWsTransport({ url: bridgeUrl(WS_BRIDGE_PATH, token) });
}

let instance: ApiClient | null = null;

/** Created on first use so tests and the boot code decide when a socket opens. */
export function getApi(): ApiClient {
  instance ??= createApiClient(chooseTransport());
  return instance;
}

/** Tests swap in a fake client. */
export function setApi(client: ApiClient): void {
  instance = client;
}
