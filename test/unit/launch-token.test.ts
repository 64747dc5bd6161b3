import { describe, expect, it } from 'vitest';
import { launchToken } from '../../electron/web/launch-token';

describe('the browser host token', () => {
  it('is random per launch unless the user chose one', () => {
    const a = launchToken(undefined, {});
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(launchToken(undefined, {})).not.toBe(a);
    expect(launchToken(undefined, { FERRY_WEB_TOKEN: '' })).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
  it('takes --token over FERRY_WEB_TOKEN', () => {
    expect(launchToken('flag-token-123456', { FERRY_WEB_TOKEN: 'env-token-1234567' })).toBe('flag-token-123456');
    expect(launchToken(undefined, { FERRY_WEB_TOKEN: 'env-token-1234567' })).toBe('env-token-1234567');
  });
  it('refuses a short or URL-unsafe token', () => {
    expect(() => launchToken('short', {})).toThrow(/16 to 256/);
    expect(() => launchToken('has space in it 12345', {})).toThrow();
    expect(() => launchToken('a&b=c'.repeat(5), {})).toThrow();
  });
});
