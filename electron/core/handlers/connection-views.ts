import type { ConnectionConfig, ConnectionView, KeyState } from '../../../shared/schemas';
import { expectedKeyPlace, keyHostMismatch, keyLookupFor, resolveConnectionUrl } from '../../services/connections/key-binding';
import { proxyPasswordAccount } from '../../services/network/proxy';
import type { KeyVault } from '../../services/secrets/types';

/** Whether a key is set and where, its last 4 characters, or that it is saved but cannot be read now. */
async function keyStateOf(connection: ConnectionConfig, vault: KeyVault): Promise<KeyState & { found: boolean }> {
  try {
    const stored = await vault.getKey(connection.id, keyLookupFor(connection));
    return stored
      ? { set: true, storage: stored.storage, last4: stored.key.slice(-4), unreadable: false, found: true }
      : { set: false, storage: null, last4: null, unreadable: false, found: false };
  } catch {
    // Not "no key": it is there, the keychain just cannot say so right now.
    const place = expectedKeyPlace(connection);
    return { set: place !== 'none', storage: place === 'none' ? null : place, last4: null, unreadable: true, found: false };
  }
}

/** The renderer's view of a connection: whether a key is set and its last 4 characters, never the key. */
export async function toConnectionView(connection: ConnectionConfig, vault: KeyVault): Promise<ConnectionView> {
  const { found, ...key } = await keyStateOf(connection, vault);
  const proxyPassword = connection.proxy ? await vault.getKey(proxyPasswordAccount(connection.id)).catch(() => null) : null;
  const resolved = resolveConnectionUrl(connection);
  return {
    ...connection,
    key,
    requestUrl: resolved.ok ? resolved.requestUrl : null,
    keyHostMismatch: found && keyHostMismatch(connection),
    proxyPasswordSet: !!proxyPassword,
  };
}
