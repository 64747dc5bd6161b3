import type { KeychainStatus } from '../../../../shared/schemas';

/** What was true when a send failed, to tell later whether its message still is. */
export interface SendFailureContext {
  code: string;
  /** The connections list (by identity) when the send failed. */
  connections: unknown;
  /** The keychain status (by identity) when the send failed. */
  keychain: KeychainStatus | undefined;
}

/**
 * Whether a failed send's message no longer holds and should go. "No connection" and "no key" go
 * once the connections change: they may no longer be true. "The keychain can't be read" goes once
 * the keychain is back, not when the connections change: the settings are reloaded when the keychain
 * fails, which would hide the message at the very moment it became true (seen as a flaky end-to-end
 * test: the send's error arrived, then the reload after the keychain's failure took it away).
 */
export function isSendErrorStale(failure: SendFailureContext, now: { connections: unknown; keychain: KeychainStatus | undefined }): boolean {
  if (failure.code === 'keychain_unavailable') return now.keychain !== failure.keychain && now.keychain?.available === true;
  if (failure.code === 'no_connection' || failure.code === 'no_key') return now.connections !== failure.connections;
  return false;
}
