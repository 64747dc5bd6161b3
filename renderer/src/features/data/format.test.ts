import { describe, expect, it } from 'vitest';
import { formatBytes } from './format';

describe('sizes', () => {
  it('uses the unit that keeps the number short, in the UI language', () => {
    expect(formatBytes(0, 'en')).toBe('0 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 ** 3, 'zh-CN')).toBe('5.0 GB');
    expect(formatBytes(250 * 1024 ** 2, 'en')).toBe('250 MB');
  });
});
