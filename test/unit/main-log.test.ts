import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger, redact, registerSecret } from '../../electron/core/logger';
import { openLogFile } from '../../electron/main/startup/log-file';
import { MAIN_MESSAGES } from '../../electron/main/startup/messages';
import { recoveryPageUrl } from '../../electron/main/startup/recovery-page';

const dir = mkdtempSync(join(tmpdir(), 'ferry-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('redaction of what reaches the log file', () => {
  it('masks credentials in proxy URLs, key=value and JSON forms, and keeps ordinary numbers', () => {
    expect(redact('proxy http://ferry:pr0xy-pass@127.0.0.1:8080 refused')).toBe('proxy http://ferry:[redacted]@127.0.0.1:8080 refused');
    expect(redact('socks5://u:p4ss@host:1080')).toBe('socks5://u:[redacted]@host:1080');
    expect(redact('GET /v1/models?api_key=abcd1234efgh&x=1')).toBe('GET /v1/models?api_key=[redacted]&x=1');
    expect(redact('{"password":"hunter22","token": "t0k3n-value"}')).toBe('{"password":"[redacted]","token": "[redacted]"}');
    expect(redact('x-api-key: 9f8e7d6c5b4a')).toBe('x-api-key: [redacted]');
    expect(redact('usage: prompt_tokens=120 completion_tokens=80 https://api.example.com/v1')).toBe('usage: prompt_tokens=120 completion_tokens=80 https://api.example.com/v1');
  });
});

describe('the rotating log file', () => {
  it('writes redacted lines to <dataDir>/logs/ferry.log', () => {
    const file = openLogFile(join(dir, 'data'));
    expect(file.path).toBe(join(dir, 'data', 'logs', 'ferry.log'));
    registerSecret('plain-looking-relay-secret');
    const logger = createLogger(file.write);
    logger.error('upstream 401 for Bearer sk-live-0123456789abcdef via http://me:pw123456@proxy:3128 key plain-looking-relay-secret');
    const text = readFileSync(file.path, 'utf8');
    expect(text).toMatch(/^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\] \[ferry\] error upstream 401/m);
    for (const secret of ['0123456789abcdef', 'pw123456', 'plain-looking-relay-secret']) expect(text).not.toContain(secret);
  });

  it('rotates past 1 MB into ferry.old.log, so it never grows without bound', () => {
    const file = openLogFile(join(dir, 'big'));
    const line = 'x'.repeat(1000);
    for (let i = 0; i < 1200; i++) file.write(line);
    expect(existsSync(join(dir, 'big', 'logs', 'ferry.old.log'))).toBe(true);
    expect(statSync(file.path).size).toBeLessThan(1024 * 1024);
  });

  it('falls back to the temp folder when the data folder cannot be created', () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, '');
    const file = openLogFile(join(blocker, 'Ferry'));
    expect(file.path).toBe(join(tmpdir(), 'Ferry-logs', 'ferry.log'));
  });
});

describe('what the main process says', () => {
  it('has every message in English and Chinese, and they differ', () => {
    const en = MAIN_MESSAGES.en;
    const zh = MAIN_MESSAGES['zh-CN'];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const a = en[key];
      const b = zh[key];
      expect(typeof a === 'function' ? (a as (r: string, l: string) => string)('R', 'L') : a, key).not.toBe(typeof b === 'function' ? (b as (r: string, l: string) => string)('R', 'L') : b);
    }
    expect(zh.startupFailed('原因', '/日志')).toContain('/日志');
  });
  it('the recovery page escapes the reason and links back to the app only', () => {
    const url = recoveryPageUrl({ messages: MAIN_MESSAGES.en, lang: 'en', reason: '<img src=x onerror=alert(1)>', logFile: '/tmp/ferry.log', reloadUrl: 'app://ferry/index.html' });
    const html = decodeURIComponent(url.replace(/^data:text\/html;charset=utf-8,/, ''));
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("default-src 'none'");
    expect([...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual(['app://ferry/index.html']);
  });
});
