/**
 * The real built Electron main bundle (dist-electron/main.cjs), loaded in plain Node against the
 * recording fake of `electron` and driven the way Electron drives it: ready, the window's load, IPC
 * from a frame that looks exactly like what Chromium reports for app://ferry/index.html, app://
 * requests, navigation, permissions, a second launch, page failures and quitting mid-stream.
 * FERRY_MAIN_BUNDLE points it at another build (e.g. an older commit's) to show what that one does.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTinyproxy } from './support/proxies';
import { streamedMessage } from './support/streamed-text';
import type { AnyEvent } from '../../shared/events';
import { dataOf, invoke, OWN_PAGE, useMainUnderTest } from './support/main-under-test';
import type { DriverState } from '../harness/fake-electron/client';
import type { FrameSpec } from '../harness/fake-electron/protocol';

const ROOT = resolve(import.meta.dirname, '../..');

const { boot, tempDir, fixture, streamingAnswer, storedAnswer } = useMainUnderTest();

describe('Electron main, loaded from the built bundle', () => {
  it('boots to the first answered app.info request from its own page', async () => {
    const { main, loaded, booted, dataDir } = await boot();
    expect(booted.errors).toEqual([]);
    // The scheme must be privileged before ready, or Chromium treats app:// as an opaque origin.
    const privileged = loaded.calls.find((c) => c.api === 'protocol.registerSchemesAsPrivileged');
    expect(privileged?.afterReady).toBe(false);
    expect(privileged?.args[0]).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(booted.protocols).toEqual(['app']);
    expect(booted.ipcChannels).toContain('ferry:invoke');
    expect(booted.windows).toHaveLength(1);
    expect(booted.windows[0]!.loaded).toEqual(['app://ferry/index.html']);
    expect(booted.windows[0]!.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });

    const info = await invoke(main, 'app.info');
    expect(info).toMatchObject({ ok: true, data: { host: 'electron', dataDir } });
    // The window appears once its page is ready to show.
    expect((await main.send<DriverState>({ cmd: 'show' })).windows[0]!.visible).toBe(true);
  });

  it('refuses IPC from a subframe, a foreign window, file:, opaque origins and other hosts', async () => {
    const { main } = await boot();
    const refused: FrameSpec[] = [
      { ...OWN_PAGE, subframe: true },
      { ...OWN_PAGE, foreignWindow: true },
      { url: 'file:///tmp/index.html', origin: 'null' },
      { url: 'app://ferry/index.html', origin: 'null' },
      { url: 'app://evil/index.html', origin: 'app://evil' },
      { url: 'https://example.com/', origin: 'https://example.com' },
      { url: 'http://localhost:5173/', origin: 'http://localhost:5173' },
    ];
    for (const frame of refused) {
      expect(await invoke(main, 'app.info', {}, frame), JSON.stringify(frame)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect((await invoke(main, 'app.info')).ok).toBe(true);
  });

  it('serves the UI from app://ferry with CSP and nosniff, and nothing outside it', async () => {
    const { main } = await boot();
    type Answer = { status: number; headers: Record<string, string>; body: string };
    const get = (url: string, method?: string) => main.send<Answer>({ cmd: 'protocol', url, method });

    const index = await get('app://ferry/index.html');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.body).toContain('<div id="root">');
    expect((await get('app://ferry/')).body).toContain('<div id="root">');
    const script = readdirSync(join(ROOT, 'dist/renderer/assets')).find((f) => f.endsWith('.js'))!;
    expect((await get(`app://ferry/assets/${script}`)).headers['content-type']).toMatch(/^text\/javascript/);

    const outside = [
      'app://ferry/../package.json',
      'app://ferry/%2e%2e/%2e%2e/package.json',
      'app://ferry/assets/%2e%2e%2f%2e%2e%2fpackage.json',
      'app://ferry/assets/..%5c..%5cpackage.json',
      'app://ferry/..\\..\\package.json',
      'app://ferry//etc/passwd',
      'app://ferry/%2fetc%2fpasswd',
      'app://ferry/C:%5cWindows%5cwin.ini',
      'app://evil/index.html',
      'app://ferry/missing.js',
    ];
    for (const url of outside) {
      const answer = await get(url);
      expect(answer.status, url).toBe(404);
      expect(answer.body, url).not.toContain('"name"');
    }
    expect((await get('app://ferry/index.html', 'POST')).status).toBe(405);
    for (const answer of [index, await get('app://ferry/missing.js')]) {
      expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('keeps the window on its page: web links go to the browser, the rest nowhere', async () => {
    const { main } = await boot();
    type Nav = { prevented: boolean; calls: string[] };
    const web = await main.send<Nav>({ cmd: 'navigate', url: 'https://example.com/docs' });
    expect(web.prevented).toBe(true);
    expect(web.calls).toContain('shell.openExternal ["https://example.com/docs"]');
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'app://evil/x']) {
      const nav = await main.send<Nav>({ cmd: 'navigate', url });
      expect(nav.prevented, url).toBe(true);
      expect(nav.calls.filter((c) => c.startsWith('shell.'))).toEqual([]);
    }
    expect((await main.send<Nav>({ cmd: 'navigate', url: 'https://example.com/', event: 'will-redirect' })).prevented).toBe(true);
    const popup = await main.send<{ result: { action: string }; calls: string[] }>({ cmd: 'windowOpen', url: 'https://example.com/' });
    expect(popup.result).toEqual({ action: 'deny' });
    expect(popup.calls).toContain('shell.openExternal ["https://example.com/"]');
    expect((await main.send<{ result: { action: string } }>({ cmd: 'windowOpen', url: 'file:///etc/passwd' })).result).toEqual({ action: 'deny' });
  });

  it('grants clipboard writing to its own page and nothing else, on request and on check', async () => {
    const { main } = await boot();
    const ask = (kind: 'request' | 'check', permission: string, where: string) =>
      main.send<boolean | string>({ cmd: 'permission', kind, permission, url: where, origin: where });
    expect(await ask('request', 'clipboard-sanitized-write', 'app://ferry/index.html')).toBe(true);
    expect(await ask('check', 'clipboard-sanitized-write', 'app://ferry')).toBe(true);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'hid', 'usb', 'serial']) {
      expect(await ask('request', permission, 'app://ferry/index.html'), permission).toBe(false);
      expect(await ask('check', permission, 'app://ferry'), permission).toBe(false);
    }
    expect(await ask('request', 'clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(await ask('check', 'clipboard-sanitized-write', 'https://example.com')).toBe(false);
  });

  it('has its own menu bar from the start; the page\'s menu.update puts its words and shortcuts in it, and a click reaches the page', async () => {
    const { main, booted } = await boot();
    type Item = { id?: string; label?: string; role?: string; accelerator?: string; registerAccelerator?: boolean; submenu?: Item[] };
    const flat = (items: Item[]): Item[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);
    // Never Electron's default menu (Reload, developer tools): main's own, set once ready.
    const first = booted.calls.find((c) => c.api === 'Menu.setApplicationMenu');
    expect(first?.afterReady).toBe(true);
    expect(flat((await main.send<Item[]>({ cmd: 'menu' })) ?? []).map((i) => i.role)).toContain('copy');

    const labels = {
      file: '文件', edit: '编辑', view: '显示', conversation: '对话', window: '窗口', about: '关于 Ferry', services: '服务', hide: '隐藏 Ferry',
      hideOthers: '隐藏其他', showAll: '全部显示', quit: '退出 Ferry', undo: '撤销', redo: '重做', cut: '剪切', copy: '复制', paste: '粘贴',
      selectAll: '全选', minimize: '最小化', zoom: '缩放', close: '关闭窗口', front: '前置全部窗口',
    };
    const items = [
      { action: 'newChat', label: '新对话', binding: 'Mod+Shift+O' },
      { action: 'shortcutList', label: '键盘快捷键', binding: 'Mod+Slash' },
    ];
    expect(await invoke(main, 'menu.update', { labels, items })).toEqual({ ok: true, data: {} });
    const menu = (await main.send<Item[]>({ cmd: 'menu' }))!;
    expect(menu.map((m) => m.label)).toEqual(process.platform === 'darwin' ? ['Ferry', '文件', '编辑', '显示', '窗口'] : ['文件', '编辑', '显示', '窗口']);
    const all = flat(menu);
    expect(all.find((i) => i.id === 'ferry.newChat')).toMatchObject({ label: '新对话', accelerator: 'CmdOrCtrl+Shift+O', registerAccelerator: false });
    expect(all.find((i) => i.role === 'paste')?.label).toBe('粘贴');
    // A development run (not packaged) keeps Reload; a packaged one has none (test/unit/app-menu.test.ts).
    expect(all.map((i) => i.role)).toContain('reload');

    // Bad input is refused and the menu stays as it was.
    expect(await invoke(main, 'menu.update', { labels, items: [{ action: 'nope', label: 'x', binding: 'Mod+K' }] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(flat((await main.send<Item[]>({ cmd: 'menu' }))!).find((i) => i.id === 'ferry.newChat')?.label).toBe('新对话');

    await main.send({ cmd: 'menuClick', id: 'ferry.shortcutList' });
    const events = await main.send<{ name: string; payload: unknown }[]>({ cmd: 'events' });
    expect(events.filter((e) => e.name === 'menu.action')).toEqual([{ name: 'menu.action', payload: { action: 'shortcutList' } }]);
  });

  it('a second launch brings the minimised or hidden window back to the front', async () => {
    const { main } = await boot();
    for (const before of ['minimize', 'hide'] as const) {
      const after = await main.send<DriverState>({ cmd: 'secondInstance', before });
      expect(after.windows).toHaveLength(1);
      expect(after.windows[0], before).toMatchObject({ visible: true, minimized: false, focused: true });
    }
  });

  it('a launch that does not get the single-instance lock quits without opening anything', async () => {
    const { booted } = await boot({ lock: false });
    expect(booted.calls.map((c) => c.api)).toContain('app.quit');
    expect(booted.windows).toHaveLength(0);
    expect(booted.protocols).toEqual([]);
  });

  it('a failed load or a crashed renderer shows the recovery page with Reload; a refused navigation does not', async () => {
    const { main } = await boot();
    const aborted = await main.send<DriverState>({ cmd: 'pageFailure', kind: 'load-failed', errorCode: -3 });
    expect(aborted.windows[0]!.loaded).toHaveLength(1);
    const iframe = await main.send<DriverState>({ cmd: 'pageFailure', kind: 'load-failed', isMainFrame: false });
    expect(iframe.windows[0]!.loaded).toHaveLength(1);

    const failed = await main.send<DriverState>({ cmd: 'pageFailure', kind: 'load-failed', errorCode: -6 });
    const page = decodeURIComponent(failed.windows[0]!.loaded.at(-1)!);
    expect(page).toMatch(/^data:text\/html/);
    expect(page).toContain('ERR_FILE_NOT_FOUND');
    expect(page).toContain('href="app://ferry/index.html"');
    expect(page).toContain('Reload');

    const crashed = await main.send<DriverState>({ cmd: 'pageFailure', kind: 'renderer-gone', reason: 'oom' });
    expect(decodeURIComponent(crashed.windows[0]!.loaded.at(-1)!)).toContain('renderer oom');
    // Reload is the one navigation the window allows.
    expect((await main.send<{ prevented: boolean }>({ cmd: 'navigate', url: 'app://ferry/index.html' })).prevented).toBe(false);
  });

  it('a data folder that cannot be created ends in a dialog with the reason, not a silent exit', async () => {
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, '');
    const { booted } = await boot({ dataDir: join(blocker, 'Ferry') });
    const box = booted.calls.find((c) => c.api === 'dialog.showErrorBox');
    expect(box?.args[0]).toBe('Ferry could not start');
    expect(String(box?.args[1])).toMatch(/ENOTDIR|not a directory/);
    // The dialog names the log file, which exists (in the temp folder, since the data folder cannot) and says why.
    const logPath = String(box?.args[1]).split('\n').at(-1)!;
    expect(logPath).toMatch(/ferry\.log$/);
    expect(readFileSync(logPath, 'utf8')).toContain(`Ferry failed to start Error: ENOTDIR: not a directory, mkdir '${join(blocker, 'Ferry')}'`);
    expect(booted.exitCode).toBe(1);
  });

  it('a missing native SQLite module opens the window in recovery mode, with the reason', async () => {
    const { main, booted } = await boot({ missingModules: ['@libsql/'] });
    expect(booted.errors).toEqual([]);
    expect(booted.windows).toHaveLength(1);
    const info = dataOf<{ database: { ok: boolean; reason: string; message: string } }>(await invoke(main, 'app.info'));
    expect(info.database).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(info.database.message).toMatch(/SQLite engine \(libsql for \w+-\w+\) could not be loaded: Cannot find module '@libsql\//);
    expect(await invoke(main, 'conversations.list')).toMatchObject({ ok: false, error: { code: 'database_corrupt' } });
  });

  it('a development run tells about updates but cannot install them; a packaged one can', async () => {
    const dev = await boot();
    expect(dataOf<{ canInstall: boolean; prefs: { autoCheck: boolean } }>(await invoke(dev.main, 'updates.status'))).toMatchObject({ canInstall: false, prefs: { autoCheck: false } });
    await dev.main.stop();

    const resources = tempDir();
    writeFileSync(join(resources, 'app-update.yml'), 'owner: ferry-chat\nrepo: ferry\nprovider: github\nreleaseType: draft\nupdaterCacheDirName: ferry-updater\n');
    const packaged = await boot({ packagedResources: resources });
    expect(packaged.booted.errors).toEqual([]);
    const status = dataOf<{ canInstall: boolean; state: string }>(await invoke(packaged.main, 'updates.status'));
    expect(status).toMatchObject({ canInstall: true, state: 'idle' });
    // electron-updater (bundled into main.cjs) was set up without touching the feed: checks are opt-in.
    expect(packaged.booted.calls.filter((c) => c.api === 'net.fetch' || c.api === 'session.fetch')).toEqual([]);
  });

  it('a proxy with credentials goes through Node (tinyproxy sees it); one without through the Chromium session', async () => {
    const tiny = await startTinyproxy({ username: 'ferry', password: 'pr0xy-pass' });
    try {
      const { main } = await boot();
      const setUp = async (proxy: unknown) => {
        const { id } = dataOf<{ id: string }>(await invoke(main, 'connections.save', { name: 'P', baseUrl: fixture().baseUrl, model: 'fixture-model', proxy }));
        await invoke(main, 'connections.setKey', { id, key: 'sk-fixture-1234567', storage: 'session' });
        return id;
      };
      const chat = async (id: string) => {
        const sent = dataOf<{ assistantMessage: { id: string }; conversation: { id: string } }>(await invoke(main, 'chat.send', { connectionId: id, text: 'hi' }));
        for (let i = 0; i < 100; i++) {
          const detail = dataOf<{ messages: { id: string; status: string }[] }>(await invoke(main, 'conversations.get', { id: sent.conversation.id }));
          const status = detail.messages.find((m) => m.id === sent.assistantMessage.id)?.status;
          if (status && status !== 'streaming') return status;
          await new Promise((r) => setTimeout(r, 50));
        }
        return 'still streaming';
      };
      const fetchCalls = async () => (await main.send<DriverState>({ cmd: 'state' })).calls.filter((c) => c.api === 'session.fetch').length;

      const withLogin = await setUp({ mode: 'manual', url: tiny.url, username: 'ferry', bypassLocal: false });
      expect((await invoke(main, 'proxy.setPassword', { scope: withLogin, password: 'pr0xy-pass' })).ok).toBe(true);
      expect(await chat(withLogin)).toBe('done');
      expect(tiny.log()).toContain(`CONNECT 127.0.0.1:${fixture().port}`);
      expect(await fetchCalls()).toBe(0);

      const plain = await setUp({ mode: 'manual', url: 'http://127.0.0.1:3128', username: '', bypassLocal: false });
      expect(await chat(plain)).toBe('done');
      expect(await fetchCalls()).toBeGreaterThan(0);
      const proxies = (await main.send<DriverState>({ cmd: 'state' })).calls.filter((c) => c.api === 'session.setProxy').map((c) => c.args[1]);
      expect(proxies).toContainEqual({ mode: 'fixed_servers', proxyRules: 'http://127.0.0.1:3128', proxyBypassRules: '' });
    } finally {
      await tiny.stop();
    }
  });

  it('the OS shutting down or logging off writes and quits like a quit from the menu', async () => {
    for (const via of ['os-shutdown', 'session-end'] as const) {
      const { main } = await boot();
      const quit = await main.send<{ quitted: boolean; held: boolean; state: DriverState }>({ cmd: 'quit', via });
      expect(quit.quitted, via).toBe(true);
      // Linux/macOS let the app hold the shutdown while it writes; Windows' session-end cannot be held.
      expect(quit.held, via).toBe(via === 'os-shutdown');
      expect(quit.state.calls.filter((c) => c.api === 'app.quit').length, via).toBeGreaterThanOrEqual(1);
      await main.stop();
    }
  });

  it('a streamed answer reaches the window as deltas and an end without its text, and they add up to the stored answer', { timeout: 60_000 }, async () => {
    fixture().configure({ repeat: 5, chunkDelayMs: 1 });
    const { main } = await boot();
    const { messageId } = await streamingAnswer(main);
    let events: AnyEvent[] = [];
    for (let i = 0; i < 200 && !events.some((e) => e.name === 'chat.end'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      events = await main.send<AnyEvent[]>({ cmd: 'events' });
    }
    const end = events.find((e) => e.name === 'chat.end')?.payload as Extract<AnyEvent, { name: 'chat.end' }>['payload'];
    expect(end.message).toMatchObject({ id: messageId, status: 'done' });
    expect(end.message).not.toHaveProperty('content');
    const shown = streamedMessage(events, end);
    expect(dataOf<{ content: string }>(await invoke(main, 'messages.get', { messageId })).content).toBe(shown.content);
  });

  it("a window gets the streamed text of the conversation its page watches only; ends reach it anyway, and a subframe can't change the watch", { timeout: 60_000 }, async () => {
    fixture().configure({ repeat: 5, chunkDelayMs: 1 });
    const { main } = await boot();
    const watch = (conversationId: string | null, frame = OWN_PAGE) => main.send({ cmd: 'send', channel: 'ferry:watch', args: [conversationId], frame });
    const { id } = dataOf<{ id: string }>(await invoke(main, 'connections.save', { name: 'Fixture', baseUrl: fixture().baseUrl, model: 'fixture-model' }));
    dataOf(await invoke(main, 'connections.setKey', { id, key: 'sk-fixture-1234567', storage: 'session' }));
    /** Sends in `conversationId` (a new chat without) and returns the window's events up to that answer's end. */
    const answer = async (conversationId?: string) => {
      const seen = (await main.send<AnyEvent[]>({ cmd: 'events' })).length;
      const sent = dataOf<{ conversation: { id: string }; assistantMessage: { id: string } }>(
        await invoke(main, 'chat.send', { text: 'a long answer please', ...(conversationId ? { conversationId } : {}) }),
      );
      const ended = (e: AnyEvent) => e.name === 'chat.end' && e.payload.message.id === sent.assistantMessage.id;
      let events: AnyEvent[] = [];
      for (let i = 0; i < 200 && !events.some(ended); i++) {
        await new Promise((r) => setTimeout(r, 50));
        events = (await main.send<AnyEvent[]>({ cmd: 'events' })).slice(seen);
      }
      expect(events.some(ended)).toBe(true);
      return { conversationId: sent.conversation.id, deltas: events.filter((e) => e.name === 'chat.delta').length };
    };

    // The page shows another conversation: this one's text stays in main; its end still comes.
    await watch('some-other-conversation');
    const first = await answer();
    expect(first.deltas).toBe(0);

    // The page shows this one (a subframe saying otherwise is not listened to): its text streams in.
    await watch(first.conversationId);
    await watch('some-other-conversation', { ...OWN_PAGE, subframe: true });
    expect((await answer(first.conversationId)).deltas).toBeGreaterThan(0);
  });

  it('quitting mid-stream writes the partial answer, within the time limit, and quits', async () => {
    fixture().configure({ chunkDelayMs: 150, repeat: 200 });
    const dataDir = tempDir();
    const first = await boot({ dataDir });
    // Some of the answer has reached the window before the user quits.
    const answer = await streamingAnswer(first.main);

    const quit = await first.main.send<{ quitted: boolean; elapsedMs: number; state: DriverState }>({ cmd: 'quit' });
    expect(quit.quitted).toBe(true);
    expect(quit.elapsedMs).toBeLessThan(6_000);
    // before-quit was held once (app.quit #1), then main quit for real (app.quit #2).
    expect(quit.state.calls.filter((c) => c.api === 'app.quit')).toHaveLength(2);
    await first.main.stop();
    // The rotating log in the data folder tells the story: started, shut down within the limit; no key in it.
    const log = readFileSync(join(dataDir, 'logs', 'ferry.log'), 'utf8');
    expect(log).toMatch(/Ferry \d+\.\d+\.\d+ starting/);
    expect(log).toMatch(/shut down in \d+ ms/);
    expect(log).not.toContain('sk-fixture-1234567');

    const stored = await storedAnswer(dataDir, answer);
    expect(stored?.status).toBe('interrupted');
    expect(stored?.content.length).toBeGreaterThan(0);
  });

  it('the window\'s size and place are written through the guarded settings file, which keeps a copy of them', async () => {
    const { main, dataDir } = await boot();
    await main.send<DriverState>({ cmd: 'resize', bounds: { x: 40, y: 60, width: 900, height: 700 } });
    const read = (name: string) => JSON.parse(readFileSync(join(dataDir, name), 'utf8')) as { window?: unknown };
    const window = { x: 40, y: 60, width: 900, height: 700, maximized: false };
    expect(read('config.json').window).toEqual(window);
    // The rotating copy the core keeps after each successful write: a damaged config.json can be restored from it.
    expect(read('config.json.1').window).toEqual(window);
  });
});
