import { setTimeout as delay } from 'node:timers/promises';

export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/** Settles like `promise`, or rejects with TimeoutError after `ms`; the timer never outlives the race. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  const cancel = new AbortController();
  const expiry = delay(ms, undefined, { signal: cancel.signal }).then(() => {
    throw new TimeoutError(message);
  });
  try {
    return await Promise.race([promise, expiry]);
  } finally {
    cancel.abort();
    // The aborted timer rejects with AbortError; nobody is waiting for it any more.
    expiry.catch(() => {});
  }
}
