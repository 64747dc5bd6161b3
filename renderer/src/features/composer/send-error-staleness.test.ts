import { describe, expect, it } from 'vitest';
import type { KeychainStatus } from '../../../../shared/schemas';
import { isSendErrorStale } from './send-error-staleness';

const available: KeychainStatus = { available: true };
const hung: KeychainStatus = { available: false, problem: 'not_responding', reason: 'Did not receive a reply', retryAt: 1 };
const connections = [{ id: 'a' }];

describe('isSendErrorStale', () => {
  it('keeps "the keychain cannot be read" when the settings are reloaded because the keychain failed', () => {
    // The send failed while the last status the page had still said available; the failure's status
    // event and the settings reload after it follow.
    const failure = { code: 'keychain_unavailable', connections, keychain: available };
    expect(isSendErrorStale(failure, { connections: [{ id: 'a' }], keychain: hung })).toBe(false);
    expect(isSendErrorStale(failure, { connections: [{ id: 'a' }], keychain: { ...hung, retryAt: 2 } })).toBe(false);
  });

  it('drops it once the keychain answers again', () => {
    const failure = { code: 'keychain_unavailable', connections, keychain: hung };
    expect(isSendErrorStale(failure, { connections, keychain: { available: true } })).toBe(true);
  });

  it('drops "no key" and "no connection" once the connections change, as before', () => {
    for (const code of ['no_key', 'no_connection']) {
      const failure = { code, connections, keychain: available };
      expect(isSendErrorStale(failure, { connections, keychain: available })).toBe(false);
      expect(isSendErrorStale(failure, { connections: [{ id: 'a' }, { id: 'b' }], keychain: available })).toBe(true);
    }
  });

  it('never drops other errors by itself', () => {
    const failure = { code: 'upstream_rate_limited', connections, keychain: available };
    expect(isSendErrorStale(failure, { connections: [], keychain: { available: true } })).toBe(false);
  });
});
