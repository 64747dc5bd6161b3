import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { latestYml, startFeedServer, type FeedServer } from '../integration/support/update-feed';
import { channelFile } from '../../electron/services/updates/feed';
import { expect, setAppearance, test } from './support/fixtures';

/**
 * Settings → Updates in the browser host: a mirror, "Check for updates", what is available and where
 * to get it (the browser host cannot install itself). Screenshots for a person to look at land in
 * test-results/screens/: en and zh-CN, light and dark, 800 and 1920 px wide.
 */
const SHOTS = resolve(import.meta.dirname, '../../test-results/screens');
let feed: FeedServer;
test.beforeEach(async () => {
  feed = await startFeedServer();
  feed.serve(`/ferry/${channelFile(process.platform, process.arch)}`, { body: latestYml('9.9.0') });
});
test.afterEach(() => feed.close());

async function openUpdates(page: Page, names: { settings: RegExp; updates: RegExp }) {
  await page.getByRole('button', { name: names.settings }).click();
  const dialog = page.getByRole('dialog', { name: names.settings });
  await dialog.getByRole('tab', { name: names.updates }).click();
  const section = dialog.getByRole('tabpanel', { name: names.updates });
  await section.scrollIntoViewIfNeeded();
  return { dialog, section };
}

test('a mirror, Check for updates, and where to download the new version', async ({ page, ferry }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(ferry.host.url);
  const { dialog, section } = await openUpdates(page, { settings: /^Settings$/, updates: /^Updates$/ });
  await expect(section.getByText('Current version: Ferry 0.1.0')).toBeVisible();
  await expect(section.getByRole('checkbox', { name: 'Check for updates automatically' })).not.toBeChecked();

  await section.getByRole('combobox', { name: 'Where to look' }).selectOption('mirror');
  await section.getByRole('textbox', { name: 'Mirror address' }).fill(feed.url);
  await section.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(section.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  expect(feed.requests).toEqual([]);

  await section.getByRole('button', { name: 'Check for updates' }).click();
  await expect(section.getByRole('status')).toContainText('Ferry 9.9.0 is available.');
  await expect(section.getByText(/cannot install updates by itself/)).toBeVisible();
  await expect(section.getByRole('link', { name: 'Open the download page' })).toHaveAttribute('href', feed.url);
  expect(feed.requests).toHaveLength(1);

  const axe = await new AxeBuilder({ page }).include('.updates-section').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  // A mirror that is down: said plainly, nothing lost.
  await feed.close();
  await section.getByRole('button', { name: 'Check for updates' }).click();
  await expect(section.getByRole('status')).toContainText('Could not reach the update server');
  await expect(section.getByRole('textbox', { name: 'Mirror address' })).toHaveValue(feed.url);
  await dialog.press('Escape');
  feed = await startFeedServer();
  feed.serve(`/ferry/${channelFile(process.platform, process.arch)}`, { body: latestYml('9.9.0') });
});

test('screenshots: en and zh-CN, light and dark, 800 and 1920 wide', async ({ page, ferry }) => {
  await page.goto(ferry.host.url);
  const { section } = await openUpdates(page, { settings: /^Settings$/, updates: /^Updates$/ });
  await section.getByRole('combobox', { name: 'Where to look' }).selectOption('mirror');
  await section.getByRole('textbox', { name: 'Mirror address' }).fill(feed.url);
  await section.getByRole('button', { name: 'Save', exact: true }).click();
  await section.getByRole('button', { name: 'Check for updates' }).click();
  await expect(section.getByRole('status')).toContainText('9.9.0');
  await page.keyboard.press('Escape');

  for (const [language, theme] of [['en', 'light'], ['en', 'dark'], ['zh-CN', 'dark'], ['zh-CN', 'light']] as const) {
    await setAppearance(page, { language, theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const { section: updates } = await openUpdates(page, { settings: /^(Settings|设置)$/, updates: language === 'en' ? /^Updates$/ : /^更新$/ });
    await updates.getByRole('button', { name: /^(Check for updates|检查更新)$/ }).click();
    await expect(updates.getByRole('status')).toContainText('9.9.0');
    for (const width of [800, 1920]) {
      await page.setViewportSize({ width, height: 1000 });
      await updates.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/updates-${language}-${theme}-${width}.png`, animations: 'disabled' });
    }
    await page.keyboard.press('Escape');
  }
});
