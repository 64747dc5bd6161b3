import type { KeyStorage, KeychainStatus } from '../../../shared/schemas';

/** A place a secret can live. The OS keychain, or process memory ("this session only"). Never a file. */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** Resolves false when there was nothing to delete. */
  delete(account: string): Promise<boolean>;
}

/** Keys of connections, in the keychain or in memory. The only module that reads or writes a key. */
export interface KeyVault {
  status(): Promise<KeychainStatus>;
  /** Rejects with FerryError('keychain_unavailable') when storage is 'keychain' and there is none. */
  setKey(connectionId: string, key: string, storage: KeyStorage): Promise<void>;
  /** Looks in memory first, then in the keychain. */
  getKey(connectionId: string): Promise<{ key: string; storage: KeyStorage } | null>;
  /** Removes the key from both places. */
  deleteKey(connectionId: string): Promise<void>;
}
