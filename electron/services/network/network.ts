import type { ConnectionConfig } from '../../../shared/schemas';
import type { KeyVault } from '../secrets/types';
import type { PreferencesService } from '../settings/preferences-service';
import { describeProxy, effectiveProxy, proxyPasswordScope, resolveProxy, type ResolvedProxy } from './proxy';
import type { ProxyFetchFactory } from './undici-fetch';

export interface Network {
  /** The fetch every upstream request of this connection uses: its proxy, bypass and extra headers. */
  fetchFor(connection: ConnectionConfig | null): typeof fetch;
  /** The connection's proxy with its password, for diagnostics. */
  proxyFor(connection: ConnectionConfig | null): Promise<ResolvedProxy>;
  describe(connection: ConnectionConfig | null, target?: string): Promise<string>;
}

export function createNetwork(deps: { prefs: PreferencesService; vault: KeyVault; factory: ProxyFetchFactory }): Network {
  const proxyFor = async (connection: ConnectionConfig | null): Promise<ResolvedProxy> => {
    const config = effectiveProxy(connection, deps.prefs.read());
    const password =
      config.mode === 'manual' && config.username
        ? ((await deps.vault.getKey(proxyPasswordScope(connection)).catch(() => null))?.key ?? null)
        : null;
    return resolveProxy(config, password);
  };

  return {
    proxyFor,
    async describe(connection, target) {
      return describeProxy(await proxyFor(connection), target);
    },
    fetchFor(connection) {
      const extra = Object.entries(connection?.headers ?? {});
      return (async (input: string | URL | Request, init?: RequestInit) => {
        const fetcher = deps.factory(await proxyFor(connection), { connectTimeoutMs: deps.prefs.read().timeouts.connectMs });
        if (extra.length === 0) return fetcher(input, init);
        const headers = new Headers(init?.headers);
        for (const [name, value] of extra) if (!headers.has(name)) headers.set(name, value);
        return fetcher(input, { ...init, headers: [...headers.entries()] });
      }) as typeof fetch;
    },
  };
}
