import type { ConnectionConfig, ConnectionView } from '../../../shared/schemas';
import { keyHostMismatch, resolveConnectionUrl } from '../../services/connections/key-binding';
import { proxyPasswordAccount } from '../../services/network/proxy';
import type { KeyVault } from '../../services/secrets/types';

/** The renderer's view of a connection: whether a key is set and its last 4 characters, never the key. */
export async function toConnectionView(connection: ConnectionConfig, vault: KeyVault): Promise<ConnectionView> {
  const stored = await vault.getKey(connection.id).catch(() => null);
  const proxyPassword = connection.proxy ? await vault.getKey(proxyPasswordAccount(connection.id)).catch(() => null) : null;
  const resolved = resolveConnectionUrl(connection);
  return {
    ...connection,
    key: stored ? { set: true, storage: stored.storage, last4: stored.key.slice(-4) } : { set: false, storage: null, last4: null },
    requestUrl: resolved.ok ? resolved.requestUrl : null,
    keyHostMismatch: !!stored && keyHostMismatch(connection),
    proxyPasswordSet: !!proxyPassword,
  };
}
