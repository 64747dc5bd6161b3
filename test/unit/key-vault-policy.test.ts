/**
 * The vault's time policy with scripted keychains (the real Secret Service is in the integration
 * tests): the 5 s-style limit is the probe's only, a real read may wait on the user and is reported
 * as waiting, failures are retried with growing pauses (never a locked keychain), and nothing is
 * ever "no key" because the keychain could not be asked.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { KeychainStatus } from '../../shared/schemas';
import { createKeyVault } from '../../electron/services/secrets/key-vault';
import { keychainProblemOf } from '../../electron/services/secrets/keychain-problem';
import { createMemoryStore } from '../../electron/services/secrets/memory-store';
import type { SecretStore } from '../../electron/services/secrets/types';

/** A keychain whose answers are scripted per call; counts probe and item reads apart. */
function scripted(answer: (account: string, call: number) => Promise<string | null>) {
  const calls: string[] = [];
  const store: SecretStore = {
    get: (account) => {
      calls.push(account);
      return answer(account, calls.length);
    },
    set: async () => {},
    delete: async () => true,
  };
  return { store, calls, probes: () => calls.filter((a) => a === 'ferry-availability-probe').length };
}

describe('key vault time policy', () => {
  it('lets a read wait on the user far longer than the probe may, and says it is waiting meanwhile', async () => {
    const keychain = scripted(async (account) => {
      if (account.startsWith('connection:')) await delay(500);
      return account.startsWith('connection:') ? 'sk-after-the-prompt' : null;
    });
    const seen: KeychainStatus[] = [];
    const vault = createKeyVault({ keychain: keychain.store, memory: createMemoryStore(), probeTimeoutMs: 100, callTimeoutMs: 2_000, waitingAfterMs: 50, onStatus: (s) => seen.push(s) });
    expect(await vault.getKey('c1', 'keychain')).toEqual({ key: 'sk-after-the-prompt', storage: 'keychain' });
    expect(seen.map((s) => !!s.waiting)).toEqual([false, true, false]);
    expect(await vault.status()).toEqual({ available: true });
    vault.close();
  });

  it('retries a keychain that stopped answering with growing pauses, and reports it back', async () => {
    let healthy = false;
    const keychain = scripted(async () => {
      if (!healthy) throw new Error('Platform failure: DBus error: Did not receive a reply.');
      return null;
    });
    const clock = 1_000_000;
    const seen: KeychainStatus[] = [];
    const vault = createKeyVault({
      keychain: keychain.store,
      memory: createMemoryStore(),
      firstRetryMs: 20,
      maxRetryMs: 80,
      now: () => clock,
      onStatus: (s) => seen.push(s),
    });
    const first = await vault.status();
    expect(first).toMatchObject({ available: false, problem: 'not_responding', retryAt: clock + 20 });
    while (keychain.probes() < 5) await delay(10);
    // Each failed try announces the next one: 20, 40, 80, then 80 ms (the cap) later.
    expect(seen.filter((s) => !s.available).slice(0, 4).map((s) => s.retryAt! - clock)).toEqual([20, 40, 80, 80]);
    healthy = true;
    while (seen.at(-1)?.available !== true) await delay(10);
    expect(seen.at(-1)).toEqual({ available: true });
    vault.close();
  });

  it('does not ask a locked keychain again by itself (its prompt would pop up again and again); the next use asks', async () => {
    let unlocked = false;
    const keychain = scripted(async (account) => {
      if (account.startsWith('connection:') && !unlocked) throw new Error("Couldn't access platform storage: Secret Service: unlock prompt was dismissed");
      return account.startsWith('connection:') ? 'sk-unlocked' : null;
    });
    const vault = createKeyVault({ keychain: keychain.store, memory: createMemoryStore(), firstRetryMs: 20 });
    await expect(vault.getKey('c1', 'keychain')).rejects.toMatchObject({ code: 'keychain_unavailable', details: { problem: 'locked' } });
    const asked = keychain.calls.length;
    await delay(200);
    expect(keychain.calls.length).toBe(asked);
    expect(await vault.status()).toMatchObject({ available: false, problem: 'locked' });
    unlocked = true;
    expect(await vault.retry()).toEqual({ available: true });
    expect(await vault.getKey('c1', 'keychain')).toEqual({ key: 'sk-unlocked', storage: 'keychain' });
    vault.close();
  });

  it('never answers "no key" for a key it could not look up', async () => {
    const keychain = scripted(async (account) => {
      if (account.startsWith('connection:')) throw new Error('Platform failure: DBus error: Did not receive a reply.');
      return null;
    });
    const vault = createKeyVault({ keychain: keychain.store, memory: createMemoryStore(), firstRetryMs: 10_000 });
    expect(await vault.status()).toEqual({ available: true });
    await expect(vault.getKey('c1', 'keychain')).rejects.toMatchObject({ code: 'keychain_unavailable' });
    // Unavailable now, and still an error (not null) for a key known to be there.
    await expect(vault.getKey('c1', 'keychain')).rejects.toMatchObject({ code: 'keychain_unavailable' });
    // A connection without a key is not held up by it.
    expect(await vault.getKey('keyless', 'maybe')).toBeNull();
    vault.close();
  });
});

describe('keychain problems from the library’s real messages', () => {
  it.each([
    ['Platform failure: DBus error: Failed to connect to socket /nonexistent/x: No such file or directory', 'absent'],
    ['Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files', 'absent'],
    ['Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead', 'absent'],
    ["Couldn't access platform storage: Secret Service: unlock prompt was dismissed", 'locked'],
    ['Platform failure: DBus error: Did not receive a reply. Possible causes include: the remote application did not send a reply', 'not_responding'],
    ['the keychain did not answer within 5000 ms', 'not_responding'],
    ['Platform failure: DBus error: The session does not exist', 'error'],
  ])('%s → %s', (message, problem) => {
    expect(keychainProblemOf(message)).toBe(problem);
  });
});
