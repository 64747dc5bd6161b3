import WebSocket from 'ws';

/** A minimal Chrome DevTools Protocol client for a Node process started with `--inspect`. */
export interface Inspector {
  send<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** Evaluates `expression` in the process's main context and returns its value (JSON-able). */
  evaluate<T = unknown>(expression: string): Promise<T>;
  /** Full garbage collection, then the JavaScript heap in use, in bytes. */
  heapAfterGc(): Promise<number>;
  close(): void;
}

/** The inspector address a Node process prints on stderr: "Debugger listening on ws://…". */
export const inspectorUrlIn = (output: string): string | null => /Debugger listening on (ws:\/\/\S+)/.exec(output)?.[1] ?? null;

export async function connectInspector(url: string): Promise<Inspector> {
  const ws = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
    if (message.id === undefined) return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) waiter?.reject(new Error(message.error.message));
    else waiter?.resolve(message.result);
  });
  const send = <T>(method: string, params: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      ws.send(JSON.stringify({ id, method, params }));
    });
  return {
    send,
    async evaluate<T>(expression: string) {
      const result = await send<{ result: { value?: unknown }; exceptionDetails?: { text: string } }>('Runtime.evaluate', { expression, returnByValue: true });
      if (result.exceptionDetails) throw new Error(`evaluate failed: ${result.exceptionDetails.text}`);
      return result.result.value as T;
    },
    async heapAfterGc() {
      // Twice: the first pass can leave garbage that only a second one reclaims (weak references, finalizers).
      await send('HeapProfiler.collectGarbage');
      await send('HeapProfiler.collectGarbage');
      return (await send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
    },
    close: () => ws.close(),
  };
}
