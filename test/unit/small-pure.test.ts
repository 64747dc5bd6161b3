import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../electron/core/data-dir';
import { isSafeExternalUrl } from '../../electron/core/external-url';
import { systemLanguage } from '../../electron/core/system-language';
import { contentSecurityPolicy } from '../../electron/core/csp';

describe('defaultDataDir matches Electron userData', () => {
  it.each([
    ['linux', { HOME: '/home/a' }, '/home/a/.config/Ferry'],
    ['linux', { HOME: '/home/a', XDG_CONFIG_HOME: '/x' }, '/x/Ferry'],
    ['darwin', { HOME: '/Users/a' }, '/Users/a/Library/Application Support/Ferry'],
    ['linux', { HOME: '/home/a', FERRY_DATA_DIR: '/data' }, '/data'],
  ] as const)('%s %j', (platform, env, expected) => {
    expect(defaultDataDir(platform, env)).toBe(expected);
  });

  it('uses APPDATA on Windows', () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }).replaceAll('\\', '/')).toBe(
      'C:/Users/a/AppData/Roaming/Ferry',
    );
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://example.com/a?b', true],
    ['http://127.0.0.1:8080', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>', false],
    ['vscode://open', false],
    ['smb://host/share', false],
    ['not a url', false],
  ])('%s → %s', (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe);
  });
});

describe('systemLanguage', () => {
  it.each([
    ['zh_CN.UTF-8', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['en-US', 'en'],
    ['de_DE.UTF-8', 'en'],
    ['', 'en'],
  ] as const)('%s → %s', (locale, lang) => {
    expect(systemLanguage(locale)).toBe(lang);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows no inline script, eval or remote origins', () => {
    const csp = contentSecurityPolicy(['ws://127.0.0.1:5000']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:5000");
    expect(csp).toContain("object-src 'none'");
  });
});
