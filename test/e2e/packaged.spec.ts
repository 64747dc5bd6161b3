/**
 * The installed form of the app, on each OS of the CI matrix: the unpacked output of electron-builder
 * (`electron-builder --dir`), with its asar, its unpacked native modules and its fuses. Playwright's
 * `_electron` cannot attach to it (the inspect fuse is off, as it must be in a shipped app), so the
 * app is started with Chromium's --remote-debugging-port and driven over CDP. Set FERRY_PACKAGED_APP
 * to the packaged executable (the CI workflow does); elsewhere this skips with that reason.
 *
 * What only this can show: that the native modules load inside the real Electron from
 * app.asar.unpacked (libsql, the keychain module in its thread, sharp in the main process), and that
 * the document thread starts inside Electron and reads pdf.js from there. test/integration/packaging.test.ts
 * proves the packed files are complete, with Node.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { startFixtureServer, type FixtureServer } from '../fixture';
import { sentTurns } from '../fixture/content-parts';
import { sampleCidPdf, sampleImage } from '../support/sample-files';
import { dropFiles } from './support/file-events';
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
  let output = '';
  test.beforeAll(async () => {
    fixture = await startFixtureServer();
  });
  test.afterAll(async () => {
    await fixture?.close();
  });
  // Each test starts the app on a data folder of its own, and stops it before the folder goes.
  test.beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ferry-packaged-'));
  });
  test.afterEach(async () => {
    const info = test.info();
    if (info.status !== info.expectedStatus) await info.attach('app output', { body: output, contentType: 'text/plain' });
    await browser?.close().catch(() => undefined);
    browser = null;
    const running = child;
    child = null;
    if (running && running.exitCode === null && running.signalCode === null) {
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    // Windows may hold the folder's files for a moment after the process is gone.
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
  });

  async function start(): Promise<Page> {
    const port = await freePort();
    output = '';
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

  test('attaches an image and a Chinese PDF: sharp resizes in the main process, pdf.js reads in the document thread', async () => {
    const page = await start();
    await setUpConnection(page, { baseUrl: fixture.url, key: `sk-packaged-${Date.now()}`, model: 'fixture-model', name: 'Fixture' });
    await page.keyboard.press('Escape');
    const composer = page.getByRole('textbox', { name: 'Message' });
    await expect(composer).toBeVisible();

    // The PDF needs no font file on any OS: its text reaches characters only through pdf.js's CMaps.
    await dropFiles(page, 'main', [
      { name: 'wide.png', type: 'image/png', bytes: await sampleImage('png', 3000, 1500) },
      { name: '季度报告.pdf', type: 'application/pdf', bytes: sampleCidPdf(['季度报告：收入增长了百分之十二。'], 'Packaged PDF reader works.') },
    ]);
    const tray = page.getByRole('group', { name: 'Attachments' });
    // The first document starts the thread and loads pdf.js: allow for a cold start on a slow runner.
    await expect(tray.getByText(/1 page · ≈ \d+ tokens/)).toBeVisible({ timeout: 30_000 });
    await expect(tray.getByRole('button', { name: 'View wide.png' })).toBeVisible({ timeout: 30_000 });
    await expect(tray.getByText(/^Couldn’t attach/)).toHaveCount(0);

    await composer.fill('Summarize the report and describe the picture');
    await composer.press('Enter');
    const log = page.getByRole('log', { name: 'Messages' });
    await expect(log.locator('article[data-role="assistant"]').last()).toHaveAttribute('data-status', 'done', { timeout: 20_000 });

    // What went upstream: the PDF's text (Chinese included) and the image as a part of its own.
    const chat = fixture.requests.filter((r) => r.path === '/v1/chat/completions').at(-1)!;
    const turn = sentTurns(chat.body).filter((t) => t.role === 'user').at(-1)!;
    expect(turn.parts).toBe(true);
    expect(turn.text).toContain('<file name="季度报告.pdf" pages="1">');
    expect(turn.text).toContain('季度报告：收入增长了百分之十二。');
    expect(turn.text).toContain('Packaged PDF reader works.');
    expect(turn.images).toHaveLength(1);
    expect(turn.images[0]!.mime).toMatch(/^image\/(png|jpeg)$/);

    // sharp scaled the 3000-pixel screenshot to fit 2048: the stored image is what the viewer shows.
    await log.locator('article[data-role="user"]').last().getByRole('button', { name: 'View wide.png' }).click();
    const viewer = page.getByRole('dialog');
    await expect(viewer.getByRole('img')).toHaveJSProperty('naturalWidth', 2048);
    await page.keyboard.press('Escape');
  });
});
