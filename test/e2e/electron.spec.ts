/**
 * The smoke test of the real desktop app, for machines that have the Electron binary (the CI matrix on
 * ubuntu/windows/macos; not our development machines, where it cannot be downloaded and this skips
 * with its reason). First run → a connection to the fixture → a streamed answer → Stop → quit →
 * start again → the history is there. Everything Electron-specific that can be proven without the
 * binary is proven by test/integration/electron-main.test.ts against the built bundle.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { startFixtureServer, type FixtureServer } from '../fixture';
import { setUpConnection } from './support/fixtures';

const ROOT = resolve(import.meta.dirname, '../..');

/** The Electron binary, if this machine has one (it cannot be downloaded on offline/CI machines). */
function electronBinary(): string | null {
  const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();

test.describe('Electron host', () => {
  test.skip(!binary, 'no Electron binary on this machine (it cannot be downloaded here); test/integration/electron-main.test.ts drives the built main bundle instead');

  let fixture: FixtureServer;
  let dataDir: string;
  const keychainService = `ferry-electron-${Date.now()}`;
  test.beforeAll(async () => {
    fixture = await startFixtureServer();
    dataDir = mkdtempSync(join(tmpdir(), 'ferry-electron-'));
  });
  test.afterAll(async () => {
    await fixture?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const launch = (): Promise<ElectronApplication> =>
    electron.launch({
      executablePath: binary!,
      // --no-sandbox: Linux CI runners have no setuid chrome-sandbox for an unpacked Electron.
      args: [ROOT, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
      env: { ...process.env, FERRY_DATA_DIR: dataDir, FERRY_KEYCHAIN_SERVICE: keychainService, LANG: 'en_US.UTF-8' },
    });

  test('first run, a streamed answer, Stop, restart: the history is there', async () => {
    let app = await launch();
    try {
      const win = await app.firstWindow();
      expect(win.url()).toMatch(/^app:\/\/ferry\//);
      // The window is locked down: no Node in the page, the bridge is a context-isolated copy.
      expect(await win.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      expect(
        await win.evaluate(() => {
          const w = window as unknown as { ferry: Record<string, unknown> };
          w.ferry.invoke = 'tampered';
          return typeof w.ferry.invoke;
        }),
      ).toBe('function');
      const info = await win.evaluate(() =>
        (window as unknown as { ferry: { invoke(r: string, i: unknown): Promise<unknown> } }).ferry.invoke('app.info', {}),
      );
      expect(info).toMatchObject({ ok: true, data: { host: 'electron', dataDir } });

      // First run: set up a connection to the fixture. The key goes to the OS keychain (or this session).
      await setUpConnection(win, { baseUrl: fixture.url, key: `sk-electron-${Date.now()}`, model: 'fixture-model', name: 'Fixture' });
      await win.keyboard.press('Escape');

      fixture.configure({ repeat: 40, chunkDelayMs: 25 });
      const composer = win.getByRole('textbox', { name: 'Message' });
      await composer.fill('Tell me a long story');
      await composer.press('Enter');
      const log = win.getByRole('log', { name: 'Messages' });
      const answer = log.locator('article[data-role="assistant"]').last();
      await expect(answer).toHaveAttribute('data-status', 'streaming');
      await expect(answer).toContainText('Fixture', { timeout: 10_000 });
      await win.getByRole('button', { name: 'Stop' }).click();
      await expect(answer).toHaveAttribute('data-status', 'stopped');

      // window.open never makes a window.
      await win.evaluate(() => window.open('https://example.com'));
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
    }

    // Start again over the same data folder: the conversation and its stopped answer are there.
    app = await launch();
    try {
      const win = await app.firstWindow();
      const nav = win.getByRole('navigation', { name: 'Conversations' });
      await nav.getByText('Tell me a long story').click();
      const log = win.getByRole('log', { name: 'Messages' });
      await expect(log.locator('article[data-role="assistant"]').first()).toHaveAttribute('data-status', 'stopped');
      await expect(log.locator('article[data-role="assistant"]').first()).toContainText('Fixture');
    } finally {
      await app.close();
    }
  });
});
