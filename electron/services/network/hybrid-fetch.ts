import { fetchPathFor } from './fetch-path';
import type { ProxyFetchFactory } from './undici-fetch';

/**
 * The desktop app's fetch factory: per proxy setting, Chromium's or Node's network stack (see
 * fetch-path.ts). Both get the connect time limit: undici natively, Chromium through withConnectLimit.
 */
export function createHybridFetchFactory(paths: { chromium: ProxyFetchFactory; node: ProxyFetchFactory }): ProxyFetchFactory {
  return (proxy, options) => (fetchPathFor(proxy) === 'node' ? paths.node(proxy, options) : paths.chromium(proxy, options));
}
