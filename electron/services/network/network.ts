import type { ConnectionConfig, Preferences } from '../../../shared/schemas';
import type { KeyVault } from '../secrets/types';
import type { PreferencesService } from '../settings/preferences-service';
import { describeProxy, effectiveProxy, effectiveProxyPasswordAccount, resolveProxy, type ResolvedProxy } from './proxy';
import type { ProxyFetchFactory } from './undici-fetch';

export interface Network {
  /** The fetch every upstream request of this connection uses: its proxy, bypass and extra headers. */
  fetchFor(connection: ConnectionConfig | null): typeof fetch;
  /** The connection's proxy with its password, for diagnostics. */
  proxyFor(connection: ConnectionConfig | null): Promise<ResolvedProxy>;
  describe(connection: ConnectionConfig | null, target?: string): Promise<string>;
  /** The same network reading proxy passwords from another vault (Test connection's typed, unsaved ones). */
  using(vault: KeyVault): Network;
}

export function createNetwork(deps: { prefs: PreferencesService; vault: KeyVault; factory: ProxyFetchFactory }): Network {
  const resolve = async (connection: ConnectionConfig | null, prefs: Preferences): Promise<ResolvedProxy> => {
    const config = effectiveProxy(connection, prefs);
    // The vault is asked only when a password can be needed: most requests go without one.
    const password =
      config.mode === 'manual' && config.username
        ? ((await deps.vault.getKey(effectiveProxyPasswordAccount(connection)).catch(() => null))?.key ?? null)
        : null;
    return resolveProxy(config, password);
  };
  const proxyFor = (connection: ConnectionConfig | null) => resolve(connection, deps.prefs.read());

  return {
    proxyFor,
    using: (vault) => createNetwork({ ...deps, vault }),
    async describe(connection, target) {
      return describeProxy(await proxyFor(connection), target);
    },
    fetchFor(connection) {
      const extra = Object.entries(connection?.headers ?? {});
      // Read per request, not per connection object, so a changed proxy or time limit applies to the next one;
      // once per request: the preferences file is read and validated on every `read()`.
      return (async (input: string | URL | Request, init?: RequestInit) => {
        const prefs = deps.prefs.read();
        const fetcher = deps.factory(await resolve(connection, prefs), { connectTimeoutMs: prefs.timeouts.connectMs });
        if (extra.length === 0) return fetcher(input, init);
        const headers = new Headers(init?.headers);
        for (const [name, value] of extra) if (!headers.has(name)) headers.set(name, value);
        return fetcher(input, { ...init, headers: [...headers.entries()] });
      }) as typeof fetch;
    },
  };
}
