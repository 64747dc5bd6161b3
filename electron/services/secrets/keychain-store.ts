import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { KEYCHAIN_WORKER_SOURCE } from './keychain-worker';
import type { SecretStore } from './types';

type Operation = 'get' | 'set' | 'delete';
type Reply = { id: number; ok: true; value: string | boolean | null } | { id: number; ok: false; message: string };
type Pending = { resolve: (value: string | boolean | null) => void; reject: (error: Error) => void };

/**
 * The OS keychain (Secret Service on Linux, Keychain on macOS, Credential Manager on Windows) via
 * @napi-rs/keyring, driven from a dedicated thread so the main thread never waits on it (see
 * keychain-worker.ts). Calls can still stay pending forever; bounding them is the vault's job.
 */
export class KeychainStore implements SecretStore {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /** `service` groups Ferry's entries in the keychain: 'Ferry' in the app, a unique name in tests. */
  constructor(private readonly service: string) {}

  async get(account: string): Promise<string | null> {
    const value = await this.call('get', account);
    return typeof value === 'string' ? value : null;
  }

  async set(account: string, secret: string): Promise<void> {
    await this.call('set', account, secret);
  }

  async delete(account: string): Promise<boolean> {
    return (await this.call('delete', account)) === true;
  }

  /** Stops the thread. Pending calls reject. A thread stuck inside D-Bus cannot be interrupted, only abandoned. */
  close(): void {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    worker.unref();
    void worker.terminate();
    this.failAll(new Error('keychain store closed'));
  }

  private call(op: Operation, account: string, secret?: string): Promise<string | boolean | null> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Keep the process alive only while an answer is awaited, so an idle store never delays exit.
      worker.ref();
      worker.postMessage({ id, op, service: this.service, account, secret });
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // Resolved here, not in the thread: an eval'd thread resolves bare names from the cwd, not from the app.
    const keyringModulePath = createRequire(moduleFile()).resolve('@napi-rs/keyring');
    const worker = new Worker(KEYCHAIN_WORKER_SOURCE, { eval: true, workerData: { keyringModulePath } });
    worker.unref();
    worker.on('message', (reply: Reply) => this.settle(reply));
    // A thread that died (e.g. the native module failed to load) fails its callers; the next call starts a new one.
    // Events of a thread already retired or closed are ignored: its callers were failed back then.
    const retire = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(error);
    };
    worker.on('error', retire);
    worker.on('exit', (code) => retire(new Error(`keychain thread exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private settle(reply: Reply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(new Error(reply.message));
  }

  private failAll(error: Error): void {
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }
}

/** This file's location, for resolving the native module next to the app. */
function moduleFile(): string {
  // A CommonJS bundle has __filename, while its `import.meta.url` depends on the bundler's shims; ESM (tsx, Vitest) has the reverse.
  return typeof __filename === 'string' ? __filename : import.meta.url;
}

export const createKeychainStore = (service: string): KeychainStore => new KeychainStore(service);
