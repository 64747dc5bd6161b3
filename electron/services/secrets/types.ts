import type { KeyStorage, KeychainStatus } from '../../../shared/schemas';

/** A place a secret can live. The OS keychain, or process memory ("this session only"). Never a file. */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** Resolves false when there was nothing to delete. */
  delete(account: string): Promise<boolean>;
}

/**
 * How hard to look. 'keychain': a key is known to be saved there (the connection says so), so an
 * unreadable keychain is an error. 'maybe': none is expected; an unavailable keychain counts as none,
 * but a keychain that is available and then fails is still an error.
 */
export type KeyLookup = 'keychain' | 'maybe';

/** Keys of connections, in the keychain or in memory. The only module that reads or writes a key. */
export interface KeyVault {
  /** Probes once, then reports what the last call found; the UI shows it. */
  status(): Promise<KeychainStatus>;
  /** Asks the keychain again now (the UI's "Try again"), instead of waiting for the automatic retry. */
  retry(): Promise<KeychainStatus>;
  /** Rejects with FerryError('keychain_unavailable') when storage is 'keychain' and there is none. */
  setKey(connectionId: string, key: string, storage: KeyStorage): Promise<void>;
  /**
   * Looks in memory first, then in the keychain. Null only when there is no key; when the keychain
   * could not be read, rejects with FerryError('keychain_unavailable') (see KeyLookup).
   */
  getKey(connectionId: string, lookup?: KeyLookup): Promise<{ key: string; storage: KeyStorage } | null>;
  /** Removes the key from both places; rejects when the keychain is down for now (the key would stay behind). */
  deleteKey(connectionId: string): Promise<void>;
  /** Stops the automatic retries. */
  close(): void;
}
