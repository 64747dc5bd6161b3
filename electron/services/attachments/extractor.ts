import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { EXTRACT_WORKER_SOURCE } from './extract-worker-source';
import { extractorModules } from './extractor-modules';

export type ExtractProblem = 'encrypted' | 'unreadable';

/** A document the thread could not read, and why. */
export class ExtractError extends Error {
  constructor(
    readonly problem: ExtractProblem | 'timeout',
    message: string,
  ) {
    super(message);
    this.name = 'ExtractError';
  }
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; problem: ExtractProblem; message: string };
interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** A hostile or huge file must not hold the thread forever: it is ended and a new one starts. */
const DEFAULT_TIMEOUT_MS = 60_000;

function moduleFile(): string {
  // A CommonJS bundle has __filename, ESM (tsx, Vitest) has import.meta.url.
  return typeof __filename === 'string' ? __filename : import.meta.url;
}

/** Document text and token counts, computed on a worker thread (see extract-worker-source.ts). */
export class Extractor {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /**
   * `modulesFrom`: the file whose `node_modules` the libraries are resolved from, this module by
   * default; the packaging test points it into an unpacked copy of the installed app.
   */
  constructor(
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
    private readonly modulesFrom = moduleFile(),
  ) {}

  pdf(bytes: Uint8Array, maxChars: number): Promise<{ pages: string[]; totalPages: number; cut: boolean }> {
    return this.call({ op: 'pdf', bytes, maxChars }) as Promise<{ pages: string[]; totalPages: number; cut: boolean }>;
  }

  docx(bytes: Uint8Array): Promise<{ text: string }> {
    return this.call({ op: 'docx', bytes }) as Promise<{ text: string }>;
  }

  tokens(text: string): Promise<number> {
    return this.call({ op: 'tokens', text }) as Promise<number>;
  }

  close(): void {
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error('extractor closed'));
    if (worker) void worker.terminate();
  }

  private call(request: Record<string, unknown>): Promise<unknown> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        // The thread is stuck on this file: retire it (its other callers fail too) and start afresh next time.
        this.retire(worker, new ExtractError('timeout', 'reading the document took too long'));
        void worker.terminate();
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.ref();
      worker.postMessage({ id, ...request });
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // Resolved here, not in the thread: an eval'd thread resolves bare names from the cwd.
    const worker = new Worker(EXTRACT_WORKER_SOURCE, {
      eval: true,
      workerData: extractorModules(createRequire(this.modulesFrom).resolve),
      // A bomb of a document runs out of its own heap, not the app's.
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    worker.unref();
    worker.on('message', (reply: Reply) => this.settle(reply));
    worker.on('error', (error) => this.retire(worker, new ExtractError('unreadable', error.message)));
    worker.on('exit', (code) => this.retire(worker, new ExtractError('unreadable', `document reader exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private retire(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.failAll(error);
  }

  private settle(reply: Reply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    clearTimeout(pending.timer);
    if (this.pending.size === 0) this.worker?.unref();
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(new ExtractError(reply.problem, reply.message));
  }

  private failAll(error: Error): void {
    for (const { reject, timer } of this.pending.values()) {
      clearTimeout(timer);
      reject(error);
    }
    this.pending.clear();
  }
}
