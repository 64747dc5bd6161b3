import { describe, expect, it } from 'vitest';
import { storageRetryMs } from '../../electron/web/env-options';

describe('FERRY_STORAGE_RETRY_MS', () => {
  it('is unset by default and read as milliseconds when set', () => {
    expect(storageRetryMs(undefined)).toBeUndefined();
    expect(storageRetryMs('')).toBeUndefined();
    expect(storageRetryMs('600000')).toBe(600_000);
  });

  it('refuses what is not a usable pause, naming the variable', () => {
    for (const bad of ['soon', '1.5', '-1', '50']) expect(() => storageRetryMs(bad)).toThrow(/FERRY_STORAGE_RETRY_MS/);
  });
});
