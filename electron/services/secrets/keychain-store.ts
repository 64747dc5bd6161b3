import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { KEYCHAIN_WORKER_SOURCE } from './keychain-worker';
import type { SecretStore } from './types';

type Operation = 'get' | 'set' | 'delete';
type Reply =
  | { id: number; ok: true; value: string | boolean | null; dropped: number }
  | { id: number; ok: false; message: string; dropped: number };
type Pending = { resolve: (value: string | boolean | null) => void; reject: (error: Error) => void };

/** Entries thrown away (after failures) before the idle thread is replaced, which frees their sockets. */
const RECYCLE_AFTER_DROPPED = 8;
/** Threads given up on while stuck inside a D-Bus call; past this, no new one is started. */
const MAX_ABANDONED = 2;

/**
 * The OS keychain (Secret Service on Linux, Keychain on macOS, Credential Manager on Windows) via
 * @napi-rs/keyring, driven from a dedicated thread so the main thread never waits on it (see
 * keychain-worker.ts). Calls can still stay pending forever; bounding them is the vault's job, and
 * the vault calls `abandon()` when one took too long so the next call gets a fresh thread.
 *
 * A thread stuck inside native code cannot be interrupted: Node joins every worker thread when the
 * process exits, so such a thread would hold `process.exit()` forever. `stuck()` says whether one
 * exists; the host then ends the process the hard way (see electron/core/exit-process.ts).
 */
export class KeychainStore implements SecretStore {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private readonly abandoned = new Set<Worker>();
  private nextId = 1;
  private dropped = 0;
  private closed = false;

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

  /** Gives up on the current thread (its calls fail now); the next call starts a new one. */
  abandon(reason = 'the keychain did not answer in time'): void {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    this.abandoned.add(worker);
    worker.unref();
    void worker.terminate();
    this.failAll(new Error(reason));
  }

  /** Threads that were given up on and have not ended yet (each is blocked inside a keychain call). */
  stuck(): number {
    return this.abandoned.size;
  }

  /**
   * Stops the thread; pending calls reject. Resolves within `graceMs` with whether a thread is still
   * stuck in a keychain call (then a normal process exit would wait for it forever).
   */
  async close(graceMs = 500): Promise<{ stuck: boolean }> {
    this.closed = true;
    this.abandon('keychain store closed');
    const waits = [...this.abandoned].map((w) => new Promise<void>((resolve) => w.once('exit', () => resolve())));
    if (waits.length > 0) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([Promise.all(waits), new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
    }
    return { stuck: this.abandoned.size > 0 };
  }

  private call(op: Operation, account: string, secret?: string): Promise<string | boolean | null> {
    if (this.closed) return Promise.reject(new Error('keychain store closed'));
    if (!this.worker && this.abandoned.size >= MAX_ABANDONED) {
      return Promise.reject(new Error('the keychain is not responding (earlier calls are still stuck)'));
    }
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
    this.dropped = 0;
    worker.on('message', (reply: Reply) => {
      if (this.worker === worker) this.settle(reply);
    });
    // A thread that died (e.g. the native module failed to load) fails its callers; the next call starts a new one.
    // Events of a thread already retired or closed are ignored: its callers were failed back then.
    const retire = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(error);
    };
    worker.on('error', retire);
    worker.on('exit', (code) => {
      this.abandoned.delete(worker);
      retire(new Error(`keychain thread exited with code ${code}`));
    });
    this.worker = worker;
    return worker;
  }

  private settle(reply: Reply): void {
    this.dropped = reply.dropped;
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) {
      this.worker?.unref();
      // Dropped entries keep their sockets until the thread's heap is collected; a new thread frees them all.
      if (this.dropped >= RECYCLE_AFTER_DROPPED) this.recycle();
    }
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(new Error(reply.message));
  }

  private recycle(): void {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    void worker.terminate();
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
