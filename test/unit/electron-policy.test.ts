import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveAppRequest, mimeType, appResponseHeaders } from '../../electron/main/policy/app-request';
import { navigationDecision } from '../../electron/main/policy/navigation';
import { isAllowedOrigin, originOf } from '../../electron/main/policy/origin';
import { allowPermissionCheck, allowPermissionRequest } from '../../electron/main/policy/permissions';
import { createQuitGuard, endingAfter, withTimeLimit } from '../../electron/main/policy/quit-guard';
import { quitOnSignals } from '../../electron/main/policy/quit-signals';
import { afterTwoLoopTurns, createSignalSorter, type ShutdownSignal } from '../../electron/core/shutdown-signals';
import { recoveryTrigger } from '../../electron/main/policy/recovery';
import { isTrustedSender } from '../../electron/main/policy/sender-check';
import { revealWindow, type RevealableWindow } from '../../electron/main/policy/single-instance';

const APP = ['app://ferry'];
const DEV = ['app://ferry', 'http://localhost:5173'];
const own = { frameUrl: 'app://ferry/index.html', frameOrigin: 'app://ferry', isMainFrame: true, inOwnWindow: true };

describe('origins of custom schemes', () => {
  it("are compared by scheme and host, since Node's URL says 'null' for app://", () => {
    expect(new URL('app://ferry/index.html').origin).toBe('null');
    expect(originOf('app://ferry/index.html#/c/1')).toBe('app://ferry');
    expect(originOf('APP://Ferry/')).toBe('app://ferry');
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173');
    for (const none of ['file:///index.html', 'null', '', undefined, 'data:text/html,x', 'about:blank', 'not a url']) expect(originOf(none)).toBeNull();
    expect(isAllowedOrigin('app://ferry.evil/index.html', APP)).toBe(false);
    expect(isAllowedOrigin('app://ferry:8080/', APP)).toBe(false);
  });
});

describe('IPC sender check', () => {
  it('accepts our page as Chromium reports it, and the Vite dev origin only when it is allowed', () => {
    expect(isTrustedSender(own, APP)).toBe(true);
    expect(isTrustedSender({ ...own, frameUrl: 'app://ferry/index.html#/settings' }, APP)).toBe(true);
    const dev = { ...own, frameUrl: 'http://localhost:5173/', frameOrigin: 'http://localhost:5173' };
    expect(isTrustedSender(dev, DEV)).toBe(true);
    expect(isTrustedSender(dev, APP)).toBe(false);
  });
  it('refuses subframes, foreign windows, file:, opaque origins, gone frames and look-alikes', () => {
    expect(isTrustedSender({ ...own, isMainFrame: false }, APP)).toBe(false);
    expect(isTrustedSender({ ...own, inOwnWindow: false }, APP)).toBe(false);
    expect(isTrustedSender({ ...own, frameUrl: 'file:///app/index.html', frameOrigin: 'file://' }, APP)).toBe(false);
    expect(isTrustedSender({ ...own, frameOrigin: 'null' }, APP)).toBe(false);
    expect(isTrustedSender({ ...own, frameUrl: undefined, frameOrigin: undefined }, APP)).toBe(false);
    expect(isTrustedSender({ ...own, frameUrl: 'app://evil/index.html', frameOrigin: 'app://evil' }, APP)).toBe(false);
    expect(isTrustedSender({ ...own, frameOrigin: 'https://example.com' }, APP)).toBe(false);
  });
});

describe('app:// request resolution', () => {
  const root = mkdtempSync(join(tmpdir(), 'ferry-renderer-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<html>');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('maps our files with their MIME types', () => {
    expect(resolveAppRequest('app://ferry/', root)).toEqual({ ok: true, file: join(root, 'index.html'), contentType: 'text/html; charset=utf-8' });
    expect(resolveAppRequest('app://ferry/assets/index-abc.js', root)).toMatchObject({ ok: true, file: join(root, 'assets', 'index-abc.js'), contentType: 'text/javascript; charset=utf-8' });
    expect(resolveAppRequest('app://ferry/assets/a%20b.css?v=1#x', root)).toMatchObject({ ok: true, file: join(root, 'assets', 'a b.css') });
    expect(mimeType('x.woff2')).toBe('font/woff2');
    expect(mimeType('x.svg')).toBe('image/svg+xml');
    expect(mimeType('x.wasm')).toBe('application/wasm');
    expect(mimeType('x.exe')).toBe('application/octet-stream');
  });
  it('refuses traversal however it is spelled, other hosts and methods', () => {
    for (const url of [
      'app://ferry/assets/%2E%2E%2Fsecret',
      'app://ferry/assets/..%2f..%2fsecret',
      'app://ferry/..%5c..%5csecret',
      'app://ferry/..\\..\\secret',
      'app://ferry/assets\\..\\..\\secret',
      'app://ferry/C:%5cWindows%5cwin.ini',
      'app://ferry/C:/Windows/win.ini',
      'app://ferry/%00index.html',
      'app://ferry/%E0%A4%A',
      'app://evil/index.html',
      'app://ferry.evil/index.html',
      'file:///etc/passwd',
      'http://ferry/index.html',
    ]) {
      expect(resolveAppRequest(url, root), url).toEqual({ ok: false, status: 404 });
    }
    // Plain dot segments are resolved by the URL parser itself, before us: they cannot climb above the root.
    expect(resolveAppRequest('app://ferry/../../etc/passwd', root)).toMatchObject({ ok: true, file: join(root, 'etc', 'passwd') });
    expect(resolveAppRequest('app://ferry/%2e%2e/%2E%2e/etc/passwd', root)).toMatchObject({ ok: true, file: join(root, 'etc', 'passwd') });
    // An absolute path after the host is just a path under the root (`//etc` is an empty segment, then `etc`).
    expect(resolveAppRequest('app://ferry//etc/passwd', root)).toMatchObject({ ok: true, file: join(root, 'etc', 'passwd') });
    expect(resolveAppRequest('app://ferry/index.html', root, 'POST')).toEqual({ ok: false, status: 405 });
  });
  it('puts CSP and nosniff on every response', () => {
    const headers = appResponseHeaders('text/plain');
    expect(headers['Content-Security-Policy']).toContain("default-src 'self'");
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('navigation and window.open', () => {
  const entry = 'app://ferry/index.html';
  it('never leaves the page; web links go to the browser; Reload to the entry is allowed', () => {
    expect(navigationDecision('https://example.com/a', entry)).toEqual({ allow: false, openExternally: 'https://example.com/a' });
    expect(navigationDecision('http://example.com/', entry).openExternally).toBe('http://example.com/');
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'app://ferry/other.html', 'ftp://x/', 'smb://host/share', 'data:text/html,x']) {
      expect(navigationDecision(url, entry), url).toEqual({ allow: false, openExternally: null });
    }
    expect(navigationDecision(entry, entry)).toEqual({ allow: true, openExternally: null });
  });
});

describe('permissions', () => {
  it('grant clipboard writing to our page only, on request and on check', () => {
    expect(allowPermissionRequest('clipboard-sanitized-write', 'app://ferry/index.html', APP)).toBe(true);
    expect(allowPermissionCheck('clipboard-sanitized-write', 'app://ferry', APP)).toBe(true);
    expect(allowPermissionRequest('clipboard-sanitized-write', 'https://evil.example/', APP)).toBe(false);
    expect(allowPermissionCheck('clipboard-sanitized-write', undefined, APP)).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'midiSysex', 'hid', 'serial', 'usb', 'openExternal', 'fileSystem']) {
      expect(allowPermissionRequest(p, 'app://ferry/index.html', APP), p).toBe(false);
      expect(allowPermissionCheck(p, 'app://ferry', APP), p).toBe(false);
    }
  });
});

describe('second launch', () => {
  const fakeWindow = (state: { minimized?: boolean; visible?: boolean; destroyed?: boolean }) => {
    const log: string[] = [];
    const win: RevealableWindow = {
      isDestroyed: () => !!state.destroyed,
      isMinimized: () => !!state.minimized,
      isVisible: () => !!state.visible && !state.minimized,
      restore: () => (log.push('restore'), (state.minimized = false), (state.visible = true)),
      show: () => (log.push('show'), (state.visible = true)),
      focus: () => log.push('focus'),
    };
    return { win, log };
  };
  it('restores a minimised window, shows a hidden one, focuses both', () => {
    const minimised = fakeWindow({ minimized: true, visible: true });
    expect(revealWindow(minimised.win)).toBe(true);
    expect(minimised.log).toEqual(['restore', 'focus']);
    const hidden = fakeWindow({ visible: false });
    expect(revealWindow(hidden.win)).toBe(true);
    expect(hidden.log).toEqual(['show', 'focus']);
  });
  it('says so when there is no window to bring back', () => {
    expect(revealWindow(undefined)).toBe(false);
    expect(revealWindow(fakeWindow({ destroyed: true }).win)).toBe(false);
  });
});

describe('quitting', () => {
  it('holds the quit until shutdown is done, then quits once for real', async () => {
    let release!: () => void;
    const quits: number[] = [];
    const guard = createQuitGuard({ shutdown: () => new Promise<void>((r) => (release = r)), limitMs: 5_000, quit: () => quits.push(Date.now()) });
    const prevented: boolean[] = [];
    const ask = () => {
      let p = false;
      guard.onQuitRequested({ preventDefault: () => (p = true) });
      prevented.push(p);
    };
    ask();
    ask(); // a second Cmd+Q while writing is held too
    expect(prevented).toEqual([true, true]);
    expect(quits).toHaveLength(0);
    release();
    expect(await guard.finished).toEqual({ kind: 'done' });
    expect(quits).toHaveLength(1);
    ask(); // the quit main asks for itself goes through
    expect(prevented).toEqual([true, true, false]);
  });
  it('quits anyway when shutdown hangs past the limit, or fails', async () => {
    const hung = createQuitGuard({ shutdown: () => new Promise<void>(() => {}), limitMs: 50, quit: () => {} });
    hung.onQuitRequested({ preventDefault() {} });
    expect(await hung.finished).toEqual({ kind: 'timeout' });
    expect(await withTimeLimit(async () => Promise.reject(new Error('db closed twice')), 1_000)).toMatchObject({ kind: 'failed' });
  });
  it('ends the process by killing it when a keychain thread is stuck, which quit() would wait on for ever', async () => {
    const ends: string[] = [];
    const stuck = createQuitGuard({
      shutdown: async () => ({ keychainThreadStuck: true }),
      limitMs: 1_000,
      quit: () => ends.push('quit'),
      kill: () => ends.push('kill'),
    });
    stuck.onQuitRequested({ preventDefault() {} });
    expect(await stuck.finished).toEqual({ kind: 'done', report: { keychainThreadStuck: true } });
    expect(ends).toEqual(['kill']);

    const fine = createQuitGuard({ shutdown: async () => ({ keychainThreadStuck: false }), limitMs: 1_000, quit: () => ends.push('quit'), kill: () => ends.push('kill') });
    fine.onQuitRequested({ preventDefault() {} });
    await fine.finished;
    expect(ends).toEqual(['kill', 'quit']);
  });
  it('without a report (timed out, failed), asks whether a thread is stuck now', () => {
    expect(endingAfter({ kind: 'timeout' }, () => true)).toBe('kill');
    expect(endingAfter({ kind: 'timeout' }, () => false)).toBe('quit');
    expect(endingAfter({ kind: 'failed', error: new Error('x') }, () => true)).toBe('kill');
    expect(endingAfter({ kind: 'done' }, () => false)).toBe('quit');
    // A report is the truth at the end of shutdown: it wins over the live count.
    expect(endingAfter({ kind: 'done', report: { keychainThreadStuck: false } }, () => true)).toBe('quit');
  });
});

describe('shutdown signals', () => {
  it('tell the first signal, its echo and a real second one apart', () => {
    let now = 1_000;
    const sort = createSignalSorter(300, () => now);
    expect(sort('SIGTERM')).toBe('first');
    now += 5;
    expect(sort('SIGTERM')).toBe('echo');
    now += 100;
    // Another signal right away is someone insisting, not an echo.
    expect(sort('SIGINT')).toBe('again');
    now += 400;
    expect(sort('SIGTERM')).toBe('again');
  });
  it('take one late repeat for the echo (a loaded machine dispatches it late), and no more than one', () => {
    let now = 0;
    const sort = createSignalSorter(2_000, () => now);
    expect(sort('SIGTERM')).toBe('first');
    now = 900;
    expect(sort('SIGTERM')).toBe('echo');
    now = 950;
    expect(sort('SIGTERM')).toBe('again');
  });
  it('take a repeat that comes before the loop has turned for the echo, however late by the clock', () => {
    let now = 0;
    let turned: () => void = () => {};
    const sort = createSignalSorter(2_000, () => now, (fn) => (turned = fn));
    expect(sort('SIGTERM')).toBe('first');
    // The shutdown blocked the loop for 5 s: the echo, dispatched at the next poll, is still the echo.
    now = 5_000;
    expect(sort('SIGTERM')).toBe('echo');
    turned();
    now = 5_100;
    expect(sort('SIGTERM')).toBe('again');
  });
  it('once the loop has turned and the window has passed, a repeat is someone insisting', () => {
    let now = 0;
    let turned: () => void = () => {};
    const sort = createSignalSorter(2_000, () => now, (fn) => (turned = fn));
    expect(sort('SIGTERM')).toBe('first');
    turned();
    now = 2_500;
    expect(sort('SIGTERM')).toBe('again');
  });
  it('the echo of a real process.kill is dispatched before the loop has turned twice', async () => {
    const seen: string[] = [];
    let turnedAt = -1;
    const listener = () => seen.push(turnedAt < 0 ? 'before the turns' : 'after the turns');
    process.on('SIGUSR2', listener);
    try {
      // What when-exit does: send the signal again from inside the first one's dispatch.
      process.once('SIGUSR2', () => {
        process.kill(process.pid, 'SIGUSR2');
        afterTwoLoopTurns(() => (turnedAt = seen.length));
      });
      process.kill(process.pid, 'SIGUSR2');
      await new Promise((r) => setTimeout(r, 200));
      expect(seen).toEqual(['before the turns', 'before the turns']);
      expect(turnedAt).toBe(2);
    } finally {
      process.off('SIGUSR2', listener);
    }
  });
  it('in Electron main: the first quits through the guard, the echo does nothing, a second exits at once', () => {
    const listeners = new Map<ShutdownSignal, () => void>();
    const done: string[] = [];
    let now = 0;
    quitOnSignals({
      on: (signal, listener) => listeners.set(signal, listener),
      requestQuit: (signal) => done.push(`quit ${signal}`),
      exitNow: (signal) => done.push(`exit ${signal}`),
      sorter: createSignalSorter(300, () => now),
    });
    expect([...listeners.keys()].sort()).toEqual(['SIGHUP', 'SIGINT', 'SIGTERM']);
    listeners.get('SIGTERM')!();
    now = 10;
    listeners.get('SIGTERM')!();
    expect(done).toEqual(['quit SIGTERM']);
    now = 2_000;
    listeners.get('SIGTERM')!();
    expect(done).toEqual(['quit SIGTERM', 'exit SIGTERM']);
  });
});

describe('page failures', () => {
  it('a failed top-frame load or a crash shows recovery; refused navigations, iframes and clean exits do not', () => {
    expect(recoveryTrigger({ kind: 'load-failed', errorCode: -6, errorDescription: 'ERR_FILE_NOT_FOUND', url: 'app://ferry/index.html', isMainFrame: true })).toContain('ERR_FILE_NOT_FOUND (-6)');
    expect(recoveryTrigger({ kind: 'load-failed', errorCode: -3, errorDescription: 'ERR_ABORTED', url: 'https://x/', isMainFrame: true })).toBeNull();
    expect(recoveryTrigger({ kind: 'load-failed', errorCode: -6, errorDescription: 'x', url: 'y', isMainFrame: false })).toBeNull();
    expect(recoveryTrigger({ kind: 'renderer-gone', reason: 'crashed', exitCode: 11 })).toBe('renderer crashed (exit code 11)');
    expect(recoveryTrigger({ kind: 'renderer-gone', reason: 'clean-exit', exitCode: 0 })).toBeNull();
  });
});
