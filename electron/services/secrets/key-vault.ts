import type { KeyStorage, KeychainStatus } from '../../../shared/schemas';
import { FerryError } from '../../core/app-error';
import { registerSecret } from '../../core/logger';
import type { KeyVault, SecretStore } from './types';
import { withTimeout } from './with-timeout';

export interface KeyVaultOptions {
  keychain: SecretStore;
  memory: SecretStore;
  /** Upper bound for any keychain call; past it the keychain counts as unavailable. */
  timeoutMs?: number;
}

/** Outside the `connection:` namespace, so the probe can never read or clobber a real key. */
const PROBE_ACCOUNT = 'ferry-availability-probe';
const DEFAULT_TIMEOUT_MS = 5_000;

const accountOf = (connectionId: string) => `connection:${connectionId}`;
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createKeyVault({ keychain, memory, timeoutMs = DEFAULT_TIMEOUT_MS }: KeyVaultOptions): KeyVault {
  // One probe per process: the answer is shown in the UI and decides where keys may go.
  let status: Promise<KeychainStatus> | null = null;

  const markUnavailable = (reason: string) => {
    status = Promise.resolve({ available: false, reason });
  };

  const probe = async (): Promise<KeychainStatus> => {
    try {
      await withTimeout(keychain.get(PROBE_ACCOUNT), timeoutMs, `the keychain did not answer within ${timeoutMs} ms`);
      return { available: true };
    } catch (error) {
      return { available: false, reason: messageOf(error) };
    }
  };

  const getStatus = (): Promise<KeychainStatus> => (status ??= probe());

  /** Runs a keychain call; any failure becomes the UI's 'keychain_unavailable', and a hang also disables the keychain. */
  const viaKeychain = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
    const current = await getStatus();
    if (!current.available) {
      throw new FerryError('keychain_unavailable', 'The system keychain is not available', { reason: current.reason });
    }
    try {
      return await withTimeout(call(), timeoutMs, `the keychain did not answer within ${timeoutMs} ms`);
    } catch (error) {
      const reason = messageOf(error);
      if (error instanceof Error && error.name === 'TimeoutError') markUnavailable(reason);
      throw new FerryError('keychain_unavailable', `Could not ${what} the key in the system keychain`, { reason });
    }
  };

  return {
    status: getStatus,

    async setKey(connectionId: string, key: string, storage: KeyStorage): Promise<void> {
      registerSecret(key);
      const account = accountOf(connectionId);
      // Each order leaves the previous state intact when the keychain step fails.
      if (storage === 'keychain') {
        await viaKeychain('save', () => keychain.set(account, key));
        await memory.delete(account);
      } else {
        if ((await getStatus()).available) await viaKeychain('remove', () => keychain.delete(account));
        await memory.set(account, key);
      }
    },

    async getKey(connectionId: string): Promise<{ key: string; storage: KeyStorage } | null> {
      const account = accountOf(connectionId);
      const inMemory = await memory.get(account);
      if (inMemory !== null) {
        registerSecret(inMemory);
        return { key: inMemory, storage: 'session' };
      }
      if (!(await getStatus()).available) return null;
      const inKeychain = await viaKeychain('read', () => keychain.get(account));
      if (inKeychain === null) return null;
      registerSecret(inKeychain);
      return { key: inKeychain, storage: 'keychain' };
    },

    async deleteKey(connectionId: string): Promise<void> {
      const account = accountOf(connectionId);
      await memory.delete(account);
      if ((await getStatus()).available) await viaKeychain('remove', () => keychain.delete(account));
    },
  };
}
