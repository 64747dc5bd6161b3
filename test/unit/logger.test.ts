import { describe, expect, it } from 'vitest';
import { createLogger, redact, registerSecret } from '../../electron/core/logger';

describe('redact', () => {
  it('masks OpenAI-style, relay and NextChat keys', () => {
    expect(redact('key sk-proj-abc123DEF456ghi in text')).toBe('key sk-[redacted] in text');
    expect(redact('nk-mycode123')).toBe('nk-[redacted]');
  });

  it('masks bearer tokens of any shape', () => {
    expect(redact('Authorization: Bearer abc.def/ghi')).toBe('Authorization: Bearer [redacted]');
  });

  it('masks a registered secret even when it looks like nothing special', () => {
    registerSecret('hunter2-plain-secret');
    expect(redact('the key was hunter2-plain-secret!')).toBe('the key was [redacted]!');
  });

  it('leaves ordinary text alone', () => {
    expect(redact('risk-free ask-me sk-short')).toBe('risk-free ask-me sk-short');
  });

  it('applies to every log line', () => {
    const lines: string[] = [];
    createLogger((l) => lines.push(l)).error('failed', new Error('401 for sk-0123456789abcdef'));
    expect(lines[0]).toContain('sk-[redacted]');
    expect(lines[0]).not.toContain('0123456789abcdef');
  });
});
