import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

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
  test.skip(!binary, 'no Electron binary on this machine (it cannot be downloaded here); the browser-host specs cover the same UI and core');

  test('opens a locked-down window whose only door to main is the typed bridge', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ferry-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: [ROOT],
      env: { ...process.env, FERRY_DATA_DIR: dataDir, FERRY_KEYCHAIN_SERVICE: `ferry-electron-${Date.now()}` },
    });
    try {
      const win = await app.firstWindow();
      await expect(win.getByRole('button', { name: 'New chat' })).toBeVisible();
      expect(win.url()).toMatch(/^app:\/\/ferry\//);

      // No Node in the page (nodeIntegration off, sandboxed), and the bridge is a context-isolated copy.
      expect(await win.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      expect(
        await win.evaluate(() => {
          const w = window as unknown as { ferry: Record<string, unknown> };
          w.ferry.invoke = 'tampered';
          return typeof w.ferry.invoke;
        }),
      ).toBe('function');
      expect(await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      const info = await win.evaluate(() =>
        (window as unknown as { ferry: { invoke(r: string, i: unknown): Promise<unknown> } }).ferry.invoke('app.info', {}),
      );
      expect(info).toMatchObject({ ok: true, data: { host: 'electron', dataDir } });

      // Navigation away from the app is refused; window.open never creates a window.
      await win.evaluate(() => window.open('https://example.com'));
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
