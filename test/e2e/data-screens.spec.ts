import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { startWebDavServer } from '../integration/support/webdav-server';
import { expectNoSeriousAxeViolations } from './support/axe';
import { chooseImportFile, confirmImport, openData, openSync, sampleFiles } from './support/data';
import { expect, setAppearance, test } from './support/fixtures';

/**
 * Settings › Data (an import preview on screen, backups listed) and Settings › Sync (after a real
 * sync) in both languages, both themes, at 800 and 1920 px, each scanned with axe. The PNGs land in
 * test-results/screens/ for a person to look at.
 */
const SHOTS = resolve(import.meta.dirname, '../../test-results/screens');
const dialogOf = (page: Page) => page.getByRole('dialog', { name: /^(Settings|设置)$/ });

test('Data and Sync sections and the header export: en and zh-CN, light and dark, 800 and 1920 px, no serious axe violation', async ({ page, ferry }) => {
  test.setTimeout(180_000);
  const dav = await startWebDavServer();
  try {
    const files = sampleFiles();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(ferry.host.url);
    await chooseImportFile(page, files.chatgptJson);
    await confirmImport(page);
    const dialog = dialogOf(page);
    await dialog.getByRole('button', { name: 'Back up now' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: /^Backup made:/ })).toBeVisible();
    // A preview with connection offers stays on screen for the shots.
    await chooseImportFile(page, files.nextchat);
    await expect(dialog.locator('.import-preview')).toBeVisible();

    const sync = await openSync(page);
    await sync.getByRole('checkbox').first().check();
    await sync.getByLabel('WebDAV server address').fill(dav.url);
    await sync.getByLabel('User name').fill(dav.user);
    await sync.getByLabel('Password', { exact: true }).fill(dav.pass);
    await sync.getByLabel('Encryption passphrase').fill('screens passphrase');
    await sync.getByRole('button', { name: 'Save', exact: true }).click();
    await sync.getByRole('button', { name: 'Sync now' }).click();
    await expect(sync.getByRole('status', { name: 'Status' })).toContainText('Synced.', { timeout: 30_000 });
    await page.keyboard.press('Escape');
    // A conversation open behind, for the chat header's export dialog.
    await page.getByRole('listbox', { name: 'Conversation list' }).getByRole('option', { name: /Capitals and powers/ }).click();

    for (const language of ['en', 'zh-CN'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        await setAppearance(page, { language, theme });
        for (const width of [800, 1920]) {
          await page.setViewportSize({ width, height: width === 800 ? 900 : 1080 });
          const tag = `${language}-${theme}-${width}`;
          const data = await openData(page);
          await expect(data.locator('.import-preview')).toBeVisible();
          await page.screenshot({ path: `${SHOTS}/data-${tag}.png`, animations: 'disabled' });
          await expectNoSeriousAxeViolations(page, '[role="dialog"]', `Data ${tag}`);
          await data.locator('#settings-panel').evaluate((el) => el.scrollTo(0, el.scrollHeight));
          await page.screenshot({ path: `${SHOTS}/data-bottom-${tag}.png`, animations: 'disabled' });
          const syncPanel = await openSync(page);
          await expect(syncPanel.getByRole('status', { name: /^(Status|同步状态)$/ })).toContainText(/Synced\.|同步完成。/);
          await page.screenshot({ path: `${SHOTS}/sync-${tag}.png`, animations: 'disabled' });
          await expectNoSeriousAxeViolations(page, '[role="dialog"]', `Sync ${tag}`);
          await page.keyboard.press('Escape');
          await page.locator('.chat-header').getByRole('button', { name: /^(Export this conversation|导出此对话)$/ }).click();
          await expect(page.getByRole('dialog', { name: /^(Export this conversation|导出此对话)$/ })).toBeVisible();
          await page.screenshot({ path: `${SHOTS}/export-header-${tag}.png`, animations: 'disabled' });
          await expectNoSeriousAxeViolations(page, '[role="dialog"]', `Header export ${tag}`);
          await page.keyboard.press('Escape');
        }
      }
    }
  } finally {
    await dav.stop();
  }
});
