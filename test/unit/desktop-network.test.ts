import { describe, expect, it } from 'vitest';
import { sessionProxyConfig } from '../../electron/main/policy/electron-proxy';
import { fetchPathFor } from '../../electron/services/network/fetch-path';
import { firstHop, parseChromiumProxyList } from '../../electron/services/network/first-hop';
import { resolveProxy } from '../../electron/services/network/proxy';

const manual = (url: string, username = '', bypassLocal = false) => resolveProxy({ mode: 'manual', url, username, bypassLocal }, username ? 'pw' : null);

describe('which network stack carries a desktop request', () => {
  it('Chromium for direct, system/PAC and proxies without credentials', () => {
    expect(fetchPathFor(resolveProxy({ mode: 'none', url: '', username: '', bypassLocal: false }, null))).toBe('chromium');
    expect(fetchPathFor(resolveProxy({ mode: 'system', url: '', username: '', bypassLocal: true }, null))).toBe('chromium');
    expect(fetchPathFor(manual('http://127.0.0.1:7890'))).toBe('chromium');
    expect(fetchPathFor(manual('socks5://127.0.0.1:1080'))).toBe('chromium');
    expect(fetchPathFor(manual('127.0.0.1:7890'))).toBe('chromium');
  });
  it('Node for an HTTP proxy with a login, SOCKS5 with username/password, and an unusable address', () => {
    expect(fetchPathFor(manual('http://proxy.corp:3128', 'alice'))).toBe('node');
    expect(fetchPathFor(manual('https://proxy.corp:443', 'alice'))).toBe('node');
    expect(fetchPathFor(manual('socks5://127.0.0.1:1080', 'alice'))).toBe('node');
    expect(fetchPathFor(manual('socks5h://vps:1080', 'alice'))).toBe('node');
    expect(fetchPathFor(manual('ftp://nope'))).toBe('node');
  });
});

describe('the session proxy Chromium gets', () => {
  it('maps each mode; socks5h becomes socks5 (Chromium resolves names at the proxy anyway)', () => {
    expect(sessionProxyConfig(resolveProxy({ mode: 'none', url: '', username: '', bypassLocal: false }, null))).toEqual({ mode: 'direct' });
    expect(sessionProxyConfig(resolveProxy({ mode: 'system', url: '', username: '', bypassLocal: false }, null))).toEqual({ mode: 'system' });
    expect(sessionProxyConfig(manual('socks5h://127.0.0.1:1080'))).toEqual({ mode: 'fixed_servers', proxyRules: 'socks5://127.0.0.1:1080', proxyBypassRules: '' });
    expect(sessionProxyConfig(manual('http://127.0.0.1:7890', '', true))).toMatchObject({ proxyRules: 'http://127.0.0.1:7890', proxyBypassRules: expect.stringContaining('<local>') });
  });
});

describe('the first hop the connect limit probes', () => {
  it('reads Chromium’s PAC answers', () => {
    expect(parseChromiumProxyList('PROXY proxy.corp:8080; DIRECT')).toEqual({ scheme: 'http', host: 'proxy.corp', port: 8080 });
    expect(parseChromiumProxyList('HTTPS secure.corp:443')).toEqual({ scheme: 'https', host: 'secure.corp', port: 443 });
    expect(parseChromiumProxyList('SOCKS5 [::1]:1080')).toEqual({ scheme: 'socks', host: '::1', port: 1080 });
    expect(parseChromiumProxyList('DIRECT')).toBeNull();
    expect(parseChromiumProxyList('')).toBeNull();
  });
  it('is the target when direct or bypassed, else the proxy', () => {
    const none = resolveProxy({ mode: 'none', url: '', username: '', bypassLocal: false }, null);
    expect(firstHop('https://api.openai.com/v1/chat/completions', none)).toEqual({ host: 'api.openai.com', port: 443, tls: true, servername: 'api.openai.com' });
    expect(firstHop('http://1.2.3.4:2024/api/openai/v1', none)).toEqual({ host: '1.2.3.4', port: 2024, tls: false });
    expect(firstHop('https://api.openai.com/v1', manual('http://127.0.0.1:7890'))).toEqual({ host: '127.0.0.1', port: 7890, tls: false });
    expect(firstHop('http://192.168.1.5:3000/v1', manual('http://127.0.0.1:7890', '', true))).toEqual({ host: '192.168.1.5', port: 3000, tls: false });
    const system = resolveProxy({ mode: 'system', url: '', username: '', bypassLocal: false }, null);
    expect(firstHop('https://api.openai.com/v1', system, 'PROXY 10.0.0.1:3128')).toEqual({ host: '10.0.0.1', port: 3128, tls: false });
    expect(firstHop('https://api.openai.com/v1', system, 'DIRECT')).toMatchObject({ host: 'api.openai.com', port: 443, tls: true });
  });
});
