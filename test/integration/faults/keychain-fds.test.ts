/**
 * Hours of use, compressed: 5,000 key reads against the real gnome-keyring that `npm test` starts.
 * Each read used to leave one Secret Service connection (a socket) open in this process until the
 * file limit was reached; then the keychain "timed out" and chats went out without their key.
 */
import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeyVault } from '../../../electron/services/secrets/key-vault';
import { createKeychainStore } from '../../../electron/services/secrets/keychain-store';
import { createMemoryStore } from '../../../electron/services/secrets/memory-store';
import { requireSecretService } from './support/require-bus';

const openFds = () => readdirSync(`/proc/${process.pid}/fd`).length;
const SERVICE = `ferry-fds-${process.pid}-${Date.now()}`;

describe('keychain reads over hours of use', () => {
  requireSecretService();
  const keychain = createKeychainStore(SERVICE);
  const vault = createKeyVault({ keychain, memory: createMemoryStore() });
  afterAll(async () => {
    await vault.deleteKey('long-day').catch(() => {});
    vault.close();
    await keychain.close();
  });

  it('keeps the open file descriptors of the process flat over 5,000 key reads', { timeout: 180_000 }, async () => {
    const key = `sk-long-day-${Date.now()}`;
    await vault.setKey('long-day', key, 'keychain');
    // Warm up: the thread, its module and the first connection are there to stay.
    for (let i = 0; i < 20; i++) await vault.getKey('long-day', 'keychain');
    const before = openFds();
    const samples: number[] = [];
    for (let i = 1; i <= 5_000; i++) {
      const read = await vault.getKey('long-day', 'keychain');
      if (read?.key !== key) throw new Error(`read ${i} returned ${read ? 'another key' : 'no key'}`);
      if (i % 1_000 === 0) samples.push(openFds());
    }
    const after = openFds();
    expect(after - before, `open fds went from ${before} to ${after} (samples every 1,000 reads: ${samples.join(', ')})`).toBeLessThanOrEqual(5);
    expect(await vault.status()).toEqual({ available: true });
  });
});
