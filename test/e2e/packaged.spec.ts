/**
 * The installed form of the app, on each OS of the CI matrix: the unpacked output of electron-builder
 * (`electron-builder --dir`), with its asar, its unpacked native modules and its fuses. Playwright's
 * `_electron` cannot attach to it (the inspect fuse is off, as it must be in a shipped app), so the
 * app is started with Chromium's --remote-debugging-port and driven over CDP. Set FERRY_PACKAGED_APP
 * to the packaged executable (the CI workflow does); elsewhere this skips with that reason.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { startFixtureServer, type FixtureServer } from '../fixture';
import { setUpConnection } from './support/fixtures';

const app = process.env.FERRY_PACKAGED_APP;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test.describe('packaged app', () => {
  test.skip(!app, 'FERRY_PACKAGED_APP is not set: no packaged app to start (the CI workflow packs one per OS and sets it)');

  let fixture: FixtureServer;
  let dataDir: string;
  let child: ChildProcess | null = null;
  let browser: Browser | null = null;
  test.beforeAll(async () => {
    fixture = await startFixtureServer();
    dataDir = mkdtempSync(join(tmpdir(), 'ferry-packaged-'));
  });
  test.afterAll(async () => {
    await browser?.close().catch(() => undefined);
    child?.kill();
    await fixture?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(): Promise<Page> {
    const port = await freePort();
    let output = '';
    child = spawn(app!, [`--remote-debugging-port=${port}`, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])], {
      env: { ...process.env, FERRY_DATA_DIR: dataDir, FERRY_KEYCHAIN_SERVICE: `ferry-packaged-${Date.now()}`, LANG: 'en_US.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d) => (output += String(d)));
    child.stderr?.on('data', (d) => (output += String(d)));
    for (let i = 0; i < 100 && !browser; i++) {
      browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`).catch(() => null);
      if (!browser) await new Promise((r) => setTimeout(r, 300));
    }
    if (!browser) throw new Error(`the packaged app did not open its debugging port:\n${output}`);
    for (let i = 0; i < 100; i++) {
      const page = browser.contexts().flatMap((c) => c.pages()).find((p) => p.url().startsWith('app://ferry/'));
      if (page) return page;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`no window showed app://ferry/:\n${output}`);
  }

  test('starts, opens its history database, streams an answer and keeps it', async () => {
    const page = await start();
    const info = (await page.evaluate(() => (window as unknown as { ferry: { invoke(r: string, i: unknown): Promise<unknown> } }).ferry.invoke('app.info', {}))) as {
      ok: boolean;
      data: { host: string; dataDir: string; database: { ok: boolean; message?: string }; keychain: { available: boolean; reason?: string } };
    };
    expect(info.ok).toBe(true);
    expect(info.data.host).toBe('electron');
    expect(info.data.dataDir).toBe(dataDir);
    // libsql's native module loaded from app.asar.unpacked: the database is open, not in recovery.
    expect(info.data.database, info.data.database.message).toMatchObject({ ok: true });
    // The keychain module, loaded in its worker thread from the packaged app: the OS keychain answers
    // (CI gives Linux a private Secret Service; Windows and macOS have their own).
    expect(info.data.keychain, info.data.keychain.reason).toMatchObject({ available: true });

    await setUpConnection(page, { baseUrl: fixture.url, key: `sk-packaged-${Date.now()}`, model: 'fixture-model', name: 'Fixture' });
    await page.keyboard.press('Escape');
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('Hello from the installed app');
    await composer.press('Enter');
    const answer = page.getByRole('log', { name: 'Messages' }).locator('article[data-role="assistant"]').last();
    await expect(answer).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
    await expect(answer).toContainText('Fixture');
  });
});
