import { resolveBaseUrl } from '../../../shared/base-url';
import type { ConnectionConfig, ConnectionView } from '../../../shared/schemas';
import type { KeyVault } from '../../services/secrets/types';

/** The renderer's view of a connection: whether a key is set and its last 4 characters, never the key. */
export async function toConnectionView(connection: ConnectionConfig, vault: KeyVault): Promise<ConnectionView> {
  const stored = await vault.getKey(connection.id).catch(() => null);
  const resolved = resolveBaseUrl(connection.baseUrl);
  return {
    ...connection,
    key: stored ? { set: true, storage: stored.storage, last4: stored.key.slice(-4) } : { set: false, storage: null, last4: null },
    requestUrl: resolved.ok ? resolved.requestUrl : null,
  };
}
