/**
 * Key storage against the real Secret Service of the private D-Bus session that `npm test` starts
 * (test/harness/keyring-session.ts). What is in the keychain is checked from outside with `secret-tool`,
 * never with our own code.
 */
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeychainStatus } from '../../shared/schemas';
import { FerryError } from '../../electron/core/app-error';
import { redact } from '../../electron/core/logger';
import { createKeyVault } from '../../electron/services/secrets/key-vault';
import { createKeychainStore, type KeychainStore } from '../../electron/services/secrets/keychain-store';
import { createMemoryStore } from '../../electron/services/secrets/memory-store';
import type { KeyVault, SecretStore } from '../../electron/services/secrets/types';

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '../..');
// Unique per run, so a test can never read or delete anything but its own entries.
const SERVICE = `ferry-test-${process.pid}-${Date.now()}`;
const uniqueKey = (label: string) => `${label}-${Math.random().toString(36).slice(2)}-${Date.now()}`;

/** What the Secret Service holds for an account, as the stock CLI sees it; null when there is no item. */
async function lookup(account: string): Promise<string | null> {
  try {
    const { stdout } = await run('secret-tool', ['lookup', 'service', SERVICE, 'username', account]);
    return stdout;
  } catch (error) {
    // "Not found" is exit 1 with no output; anything on stderr is a real failure.
    const { code, stderr } = error as { code?: number; stderr?: string };
    if (code === 1 && !stderr) return null;
    throw error;
  }
}

/** Runs the vault's status probe in a separate process whose D-Bus points at `busAddress`. */
async function statusInChild(busAddress: string, timeoutMs: number): Promise<{ status: KeychainStatus; ms: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/harness/keychain-status.ts', '--timeout-ms', String(timeoutMs)], {
    cwd: repoRoot,
    env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: busAddress },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  try {
    const [line] = (await Promise.race([
      once(createInterface({ input: child.stdout }), 'line'),
      once(child, 'exit').then(() => {
        throw new Error(`keychain-status exited without an answer: ${stderr}`);
      }),
    ])) as [string];
    return JSON.parse(line) as { status: KeychainStatus; ms: number };
  } finally {
    // Against a bus that never answers, the keychain thread stays stuck and would hold the child's exit.
    child.kill('SIGKILL');
  }
}

describe('MemoryStore', () => {
  it('keeps, returns and forgets secrets per account', async () => {
    const store = createMemoryStore();
    expect(await store.get('connection:a')).toBeNull();
    await store.set('connection:a', 'one');
    await store.set('connection:b', 'two');
    await store.set('connection:a', 'three');
    expect(await store.get('connection:a')).toBe('three');
    expect(await store.get('connection:b')).toBe('two');
    expect(await store.delete('connection:a')).toBe(true);
    expect(await store.delete('connection:a')).toBe(false);
    expect(await store.get('connection:a')).toBeNull();
  });
});

describe('key vault when the keychain misbehaves', () => {
  const failing = (): SecretStore & { calls: number } => {
    const store = {
      calls: 0,
      get: async () => {
        store.calls += 1;
        throw new Error('No DBus session or Secret Service provider found');
      },
      set: async () => {
        throw new Error('unreachable');
      },
      delete: async () => {
        throw new Error('unreachable');
      },
    };
    return store;
  };
  const hanging: SecretStore = {
    get: () => new Promise(() => {}),
    set: () => new Promise(() => {}),
    delete: () => new Promise(() => {}),
  };

  it('reports unavailable with the reason, probes once, and refuses keychain storage', async () => {
    const keychain = failing();
    const vault = createKeyVault({ keychain, memory: createMemoryStore() });
    expect(await vault.status()).toMatchObject({ available: false, problem: 'absent', reason: 'No DBus session or Secret Service provider found' });
    await vault.status();
    expect(keychain.calls).toBe(1);

    const error = await vault.setKey('c1', 'sk-abcdefgh1234', 'keychain').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FerryError);
    expect((error as FerryError).code).toBe('keychain_unavailable');
    expect(await vault.getKey('c1')).toBeNull();
  });

  it('still keeps keys for the session', async () => {
    const vault = createKeyVault({ keychain: failing(), memory: createMemoryStore() });
    await vault.setKey('c1', 'sk-session-only-1', 'session');
    expect(await vault.getKey('c1')).toEqual({ key: 'sk-session-only-1', storage: 'session' });
    await vault.deleteKey('c1');
    expect(await vault.getKey('c1')).toBeNull();
  });

  it('gives up on a keychain that never answers', async () => {
    const vault = createKeyVault({ keychain: hanging, memory: createMemoryStore(), probeTimeoutMs: 200 });
    const started = performance.now();
    const status = await vault.status();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(status.available).toBe(false);
    expect(status.reason).toMatch(/did not answer within 200 ms/);
    await expect(vault.setKey('c1', 'sk-abcdefgh1234', 'keychain')).rejects.toMatchObject({ code: 'keychain_unavailable' });
  });
});

describe('key vault on the Secret Service', () => {
  const busAddress = process.env.DBUS_SESSION_BUS_ADDRESS;
  if (!busAddress) {
    // Failing, not skipping: a green run without a keychain would prove nothing.
    it('needs the private Secret Service that `npm test` starts', () => {
      throw new Error(
        'DBUS_SESSION_BUS_ADDRESS is not set: run these tests through `npm test` (test/harness/run-all.ts), which starts a private D-Bus session with gnome-keyring',
      );
    });
    return;
  }

  const stores: KeychainStore[] = [];
  const newVault = (): { vault: KeyVault; memory: SecretStore } => {
    const keychain = createKeychainStore(SERVICE);
    stores.push(keychain);
    const memory = createMemoryStore();
    return { vault: createKeyVault({ keychain, memory }), memory };
  };
  let vault: KeyVault;
  let memory: SecretStore;

  beforeAll(() => {
    ({ vault, memory } = newVault());
  });

  afterAll(async () => {
    for (const store of stores) store.close();
    await run('secret-tool', ['clear', 'service', SERVICE]).catch(() => {});
  });

  it('reports the keychain as available', async () => {
    expect(await vault.status()).toEqual({ available: true });
  });

  it('stores a key in the Secret Service under service/username attributes', async () => {
    const key = uniqueKey('sk-keychain');
    await vault.setKey('alpha', key, 'keychain');

    expect(await lookup('connection:alpha')).toBe(key);
    // secret-tool prints the item on stdout and its attributes on stderr.
    const { stdout, stderr } = await run('secret-tool', ['search', '--all', 'service', SERVICE]);
    expect(stdout).toContain(`secret = ${key}`);
    expect(stderr).toContain(`attribute.service = ${SERVICE}`);
    expect(stderr).toContain('attribute.username = connection:alpha');
    expect(await memory.get('connection:alpha')).toBeNull();
    expect(await vault.getKey('alpha')).toEqual({ key, storage: 'keychain' });
  });

  it('finds the key again from a fresh vault, as after a restart', async () => {
    const key = uniqueKey('sk-restart');
    await vault.setKey('beta', key, 'keychain');
    expect(await newVault().vault.getKey('beta')).toEqual({ key, storage: 'keychain' });
  });

  it('deletes the key from the Secret Service', async () => {
    await vault.setKey('gamma', uniqueKey('sk-delete'), 'keychain');
    await vault.deleteKey('gamma');
    expect(await lookup('connection:gamma')).toBeNull();
    expect(await vault.getKey('gamma')).toBeNull();
    await vault.deleteKey('gamma');
  });

  it('keeps a session key out of the keychain, and moves it back on request', async () => {
    const first = uniqueKey('sk-first');
    const second = uniqueKey('sk-second');
    await vault.setKey('delta', first, 'keychain');
    await vault.setKey('delta', second, 'session');
    expect(await lookup('connection:delta')).toBeNull();
    expect(await vault.getKey('delta')).toEqual({ key: second, storage: 'session' });

    await vault.setKey('delta', first, 'keychain');
    expect(await lookup('connection:delta')).toBe(first);
    expect(await memory.get('connection:delta')).toBeNull();
    expect(await vault.getKey('delta')).toEqual({ key: first, storage: 'keychain' });
  });

  it('masks in logs every key it is given or finds in the keychain', async () => {
    // Shapes the generic patterns in the logger would not catch.
    const given = uniqueKey('Given_Key');
    await vault.setKey('epsilon', given, 'session');
    expect(redact(`using ${given}`)).not.toContain(given);

    const foreign = uniqueKey('Foreign_Key');
    const store = spawn('secret-tool', ['store', '--label=written elsewhere', 'service', SERVICE, 'username', 'connection:zeta']);
    store.stdin.end(foreign);
    expect((await once(store, 'exit'))[0]).toBe(0);
    expect(redact(`using ${foreign}`)).toContain(foreign);
    expect(await newVault().vault.getKey('zeta')).toEqual({ key: foreign, storage: 'keychain' });
    expect(redact(`using ${foreign}`)).not.toContain(foreign);
  });

  describe('without a Secret Service', () => {
    let dir: string;
    let silentBus: Server;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'ferry-nobus-'));
      // Accepts connections and never says a word: a frozen bus, the worst case for "never hang".
      silentBus = createServer(() => {}).listen(join(dir, 'silent.sock'));
      await once(silentBus, 'listening');
    });

    afterAll(async () => {
      silentBus.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('reports unavailable quickly when the bus socket is dead', async () => {
      const { status, ms } = await statusInChild(`unix:path=${join(dir, 'no-bus.sock')}`, 5_000);
      expect(status.available).toBe(false);
      expect(status.reason).toMatch(/no-bus\.sock|D-?Bus|Secret Service/i);
      expect(ms).toBeLessThan(2_000);
    });

    it('gives up at its timeout when the bus never answers', async () => {
      const { status, ms } = await statusInChild(`unix:path=${join(dir, 'silent.sock')}`, 1_000);
      expect(status).toMatchObject({ available: false, problem: 'not_responding', reason: 'the keychain did not answer within 1000 ms' });
      expect(ms).toBeLessThan(2_000);
    });
  });
});
