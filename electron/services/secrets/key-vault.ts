import type { KeyStorage, KeychainStatus } from '../../../shared/schemas';
import { FerryError } from '../../core/app-error';
import { registerSecret } from '../../core/logger';
import { isItemError, keychainProblemOf } from './keychain-problem';
import type { KeyLookup, KeyVault, SecretStore } from './types';
import { withTimeout } from './with-timeout';

export interface KeyVaultOptions {
  keychain: SecretStore & { abandon?(reason?: string): void };
  memory: SecretStore;
  /** Limit of the availability probe, which reads an item that never exists (so never prompts). */
  probeTimeoutMs?: number;
  /**
   * Limit of a real read or write, which may wait on the user: macOS asks whether Ferry may use
   * the item, and the call returns only when they answer.
   */
  callTimeoutMs?: number;
  /** After this long a call counts as waiting (the UI then says "waiting for the keychain"). */
  waitingAfterMs?: number;
  /** Pause before the first automatic retry of an unavailable keychain; doubles up to `maxRetryMs`. */
  firstRetryMs?: number;
  maxRetryMs?: number;
  /** Every change of the status (the host forwards it to the UI). */
  onStatus?: (status: KeychainStatus) => void;
  now?: () => number;
}

/** Outside the `connection:` namespace, so the probe can never read or clobber a real key. */
const PROBE_ACCOUNT = 'ferry-availability-probe';

const accountOf = (connectionId: string) => `connection:${connectionId}`;
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const isTimeout = (error: unknown) => error instanceof Error && error.name === 'TimeoutError';

/**
 * The only module that reads or writes a key. The keychain is never switched off for good: when it
 * fails or hangs it is reported unavailable (with why, and when Ferry asks again), retried by itself
 * with growing pauses, and every read meanwhile fails loudly — a caller never gets "no key" for
 * "could not look".
 */
export function createKeyVault(options: KeyVaultOptions): KeyVault {
  const { keychain, memory } = options;
  const probeTimeoutMs = options.probeTimeoutMs ?? 5_000;
  const callTimeoutMs = options.callTimeoutMs ?? 120_000;
  const waitingAfterMs = options.waitingAfterMs ?? 1_500;
  const firstRetryMs = options.firstRetryMs ?? 2_000;
  const maxRetryMs = options.maxRetryMs ?? 60_000;
  const now = options.now ?? Date.now;

  let status: KeychainStatus | null = null;
  let probing: Promise<KeychainStatus> | null = null;
  let retryMs = firstRetryMs;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let waitingCalls = 0;
  let closed = false;
  /** The item a real call failed on: a locked keychain answers the probe (nothing to unlock) but not this. */
  let failedAccount: string | null = null;

  const publish = (next: KeychainStatus) => {
    status = next;
    options.onStatus?.(waitingCalls > 0 && next.available ? { ...next, waiting: true } : next);
  };
  const current = (): KeychainStatus => (status && waitingCalls > 0 && status.available ? { ...status, waiting: true } : status!);

  const markAvailable = () => {
    retryMs = firstRetryMs;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    if (!status?.available) publish({ available: true });
  };

  const markUnavailable = (error: unknown) => {
    // Shutting down: the calls failing now say nothing about the keychain.
    if (closed) return;
    const timedOut = isTimeout(error);
    const reason = messageOf(error);
    const problem = keychainProblemOf(reason, timedOut);
    // A thread stuck in a call would hold every later one: the next call gets a fresh thread.
    if (timedOut) keychain.abandon?.(reason);
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    // Locked: only the user can unlock it, and asking by ourselves would pop up its prompt again and
    // again. The next use (or "Try again") asks; everything else is retried by itself.
    if (problem === 'locked') {
      publish({ available: false, problem, reason });
      return;
    }
    const retryAt = now() + retryMs;
    if (!closed) {
      retryTimer = setTimeout(() => {
        retryTimer = null;
        void probe();
      }, retryMs);
      retryTimer.unref?.();
    }
    retryMs = Math.min(retryMs * 2, maxRetryMs);
    publish({ available: false, problem, reason, retryAt });
  };

  const probe = (): Promise<KeychainStatus> =>
    (probing ??= (async () => {
      try {
        const account = status?.problem === 'locked' && failedAccount ? failedAccount : PROBE_ACCOUNT;
        // Reading the failed item may wait on an unlock prompt: the user's time, not the probe's.
        const limit = account === PROBE_ACCOUNT ? probeTimeoutMs : callTimeoutMs;
        await watched(withTimeout(keychain.get(account), limit, `the keychain did not answer within ${limit} ms`));
        failedAccount = null;
        markAvailable();
      } catch (error) {
        markUnavailable(error);
      } finally {
        probing = null;
      }
      return current();
    })());

  const getStatus = async (): Promise<KeychainStatus> => (status ? current() : probe());

  const unavailableError = (what: string, s: KeychainStatus) =>
    new FerryError('keychain_unavailable', `Could not ${what} the key: the system keychain is not available`, {
      problem: s.problem ?? 'error',
      reason: s.reason ?? '',
      ...(s.retryAt ? { retryAt: s.retryAt } : {}),
    });

  /** Counts as waiting after `waitingAfterMs`, so the UI can say why nothing happens yet. */
  const watched = async <T>(call: Promise<T>): Promise<T> => {
    let waiting = false;
    const timer = setTimeout(() => {
      waiting = true;
      waitingCalls += 1;
      if (status) publish(status);
    }, waitingAfterMs);
    timer.unref?.();
    try {
      return await call;
    } finally {
      clearTimeout(timer);
      if (waiting) {
        waitingCalls -= 1;
        if (status) publish(status);
      }
    }
  };

  /** Runs a keychain call; every failure is a FerryError('keychain_unavailable'), and a keychain-wide one is reported. */
  const viaKeychain = async <T>(what: string, account: string, call: () => Promise<T>): Promise<T> => {
    let s = await getStatus();
    // Past the pause, a call is itself the retry: the user need not wait for the timer.
    if (!s.available && (s.retryAt === undefined || now() >= s.retryAt)) s = await probe();
    if (!s.available) throw unavailableError(what, s);
    try {
      return await watched(withTimeout(call(), callTimeoutMs, `the keychain did not answer within ${callTimeoutMs} ms`));
    } catch (error) {
      const reason = messageOf(error);
      if (!isItemError(reason)) {
        failedAccount = account;
        markUnavailable(error);
      }
      throw new FerryError('keychain_unavailable', `Could not ${what} the key in the system keychain`, {
        problem: keychainProblemOf(reason, isTimeout(error)),
        reason,
        ...(status?.retryAt ? { retryAt: status.retryAt } : {}),
      });
    }
  };

  return {
    status: getStatus,

    retry: () => probe(),

    async setKey(connectionId: string, key: string, storage: KeyStorage): Promise<void> {
      registerSecret(key);
      const account = accountOf(connectionId);
      // Each order leaves the previous state intact when the keychain step fails.
      if (storage === 'keychain') {
        await viaKeychain('save', account, () => keychain.set(account, key));
        await memory.delete(account);
      } else {
        if ((await getStatus()).available) await viaKeychain('remove', account, () => keychain.delete(account));
        await memory.set(account, key);
      }
    },

    async getKey(connectionId: string, lookup: KeyLookup = 'maybe'): Promise<{ key: string; storage: KeyStorage } | null> {
      const account = accountOf(connectionId);
      const inMemory = await memory.get(account);
      if (inMemory !== null) {
        registerSecret(inMemory);
        return { key: inMemory, storage: 'session' };
      }
      // 'maybe': no key is expected there (see KeyLookup); an unavailable keychain then means none.
      if (lookup === 'maybe' && !(await getStatus()).available) return null;
      const inKeychain = await viaKeychain('read', account, () => keychain.get(account));
      if (inKeychain === null) return null;
      registerSecret(inKeychain);
      return { key: inKeychain, storage: 'keychain' };
    },

    async deleteKey(connectionId: string): Promise<void> {
      const account = accountOf(connectionId);
      await memory.delete(account);
      const s = await getStatus();
      // A keychain that is only down for now must not keep a key behind a deleted connection: fail instead.
      if (s.available || s.problem !== 'absent') await viaKeychain('remove', account, () => keychain.delete(account));
    },

    close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
    },
  };
}
