import { resolveBaseUrl } from '../../../shared/base-url';
import type { ConnectionConfig } from '../../../shared/schemas';
import { FerryError } from '../../core/app-error';
import type { KeyLookup, KeyVault } from '../secrets/types';

/** The resolved base URL of a connection, honouring "use exactly as typed". */
export const resolveConnectionUrl = (c: Pick<ConnectionConfig, 'baseUrl' | 'asTyped'>) =>
  resolveBaseUrl(c.baseUrl, { asTyped: c.asTyped });

/** The origin (scheme://host:port) requests of this connection go to, or null when the URL is not valid. */
export function connectionOrigin(c: Pick<ConnectionConfig, 'baseUrl' | 'asTyped'>): string | null {
  const resolved = resolveConnectionUrl(c);
  return resolved.ok ? new URL(resolved.baseUrl).origin : null;
}

/**
 * A key is bound to the origin it was saved or confirmed for. A connection from before binding
 * existed (keyOrigin null) counts as bound to its current origin: it can only have been saved for it.
 */
export function keyHostMismatch(c: Pick<ConnectionConfig, 'baseUrl' | 'asTyped' | 'keyOrigin'>): boolean {
  if (c.keyOrigin === null) return false;
  return connectionOrigin(c) !== c.keyOrigin;
}

/**
 * Where the connection's key should be, from what its config recorded. A key bound to a host but
 * without a recorded place was saved by an older Ferry, almost always in the keychain.
 */
export function expectedKeyPlace(c: Pick<ConnectionConfig, 'keyStorage' | 'keyOrigin'>): 'keychain' | 'session' | 'none' {
  if (c.keyStorage) return c.keyStorage;
  return c.keyOrigin !== null ? 'keychain' : 'none';
}

export const keyLookupFor = (c: Pick<ConnectionConfig, 'keyStorage' | 'keyOrigin'>): KeyLookup =>
  expectedKeyPlace(c) === 'keychain' ? 'keychain' : 'maybe';

/**
 * The key to send with a request of this connection. Never '' for a connection that has a key:
 * an unreadable keychain rejects (keychain_unavailable) and a key that is gone rejects (no_key), so
 * the request is not sent without it. Refuses (key_host_mismatch) when the base URL now points to
 * another host than the key was saved for: nothing may be sent until the user re-enters or confirms
 * it. '' only when the connection has no key (local servers).
 */
export async function keyForRequest(connection: ConnectionConfig, vault: KeyVault): Promise<string> {
  const stored = await vault.getKey(connection.id, keyLookupFor(connection));
  if (!stored) {
    const place = expectedKeyPlace(connection);
    if (place === 'keychain') throw new FerryError('no_key', 'The key saved in the system keychain for this connection is no longer there', { place });
    if (place === 'session') throw new FerryError('no_key', 'The key was kept for the last session only', { place });
    return '';
  }
  if (keyHostMismatch(connection)) {
    throw new FerryError('key_host_mismatch', 'The key was saved for another host; confirm it for the new host first', {
      savedFor: connection.keyOrigin,
      host: connectionOrigin(connection),
    });
  }
  return stored.key;
}
