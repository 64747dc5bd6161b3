import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startFixtureServer, type FixtureServer } from '../../fixture';
import { startHostProcess, type HostProcess } from './web-host-process';

/** Everything an end-to-end test needs: a fixture OpenAI server, a data folder and a running browser host. */
export interface FerryWorld {
  fixture: FixtureServer;
  dataDir: string;
  host: HostProcess;
  /** Restarts the host on the same data folder (a new port and token, as a real relaunch; `args` e.g. --port/--token). */
  restartHost(args?: string[]): Promise<HostProcess>;
  keychainService: string;
}

export const test = base.extend<{ ferry: FerryWorld; hostEnv: NodeJS.ProcessEnv }>({
  /** Extra environment for the host process; a spec overrides it with test.use(). */
  hostEnv: [{}, { option: true }],

  ferry: async ({ hostEnv }, use, testInfo) => {
    const fixture = await startFixtureServer();
    const dataDir = mkdtempSync(join(tmpdir(), 'ferry-e2e-'));
    const keychainService = `ferry-e2e-${process.pid}-${Date.now()}`;
    const env = { FERRY_KEYCHAIN_SERVICE: keychainService, LANG: 'en_US.UTF-8', LC_ALL: '', ...hostEnv };
    const world: FerryWorld = {
      fixture,
      dataDir,
      keychainService,
      host: await startHostProcess(dataDir, env),
      async restartHost(args = []) {
        await world.host.stop();
        world.host = await startHostProcess(dataDir, env, args);
        return world.host;
      },
    };
    await use(world);
    // A failed test keeps what the host printed (and how it ended): a host that died mid-test
    // otherwise shows only as "Disconnected from Ferry host" in the page.
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('web host output', { body: world.host.output() || '(nothing)', contentType: 'text/plain' });
    }
    await world.host.stop();
    await fixture.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** Fills the connection settings the way a user would, from the welcome screen or the sidebar. */
export async function setUpConnection(page: Page, fields: { baseUrl: string; key: string; model: string; name?: string }) {
  const setup = page.getByRole('button', { name: 'Set up a connection' });
  if (await setup.isVisible()) await setup.click();
  else await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings', exact: true });
  await expect(dialog).toBeVisible();
  if (fields.name) await dialog.getByLabel('Name', { exact: true }).fill(fields.name);
  await dialog.getByLabel('Base URL', { exact: true }).fill(fields.baseUrl);
  await dialog.getByLabel('API key', { exact: true }).fill(fields.key);
  await dialog.getByLabel('Model', { exact: true }).fill(fields.model);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: /^Saved\.$/ })).toBeVisible();
  return dialog;
}

/**
 * Settings › Appearance the way a user does it: open Settings, pick the section, change, Save, close.
 * Labels are matched in both languages, so a test can switch back from Chinese.
 */
export async function setAppearance(page: Page, choice: { theme?: 'system' | 'light' | 'dark'; language?: 'system' | 'en' | 'zh-CN'; fontSize?: number }) {
  await page.getByRole('button', { name: /^(Settings|设置)/ }).first().click();
  const dialog = page.getByRole('dialog', { name: /^(Settings|设置)$/ });
  await dialog.getByRole('tab', { name: /^(Appearance|外观)$/ }).click();
  if (choice.theme) await dialog.getByRole('combobox', { name: /^(Theme|主题)$/ }).selectOption(choice.theme);
  if (choice.language) await dialog.getByRole('combobox', { name: /^(Language|语言)$/ }).selectOption(choice.language);
  if (choice.fontSize) await dialog.getByRole('combobox', { name: /^(Message text size|消息字号)$/ }).selectOption(String(choice.fontSize));
  await dialog.getByRole('button', { name: /^(Save|保存)$/ }).click();
  await expect(dialog.getByRole('status').filter({ hasText: /^(Saved\.|已保存。)$/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}
