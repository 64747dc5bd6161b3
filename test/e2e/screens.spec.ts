import { resolve } from 'node:path';
import { expect, setAppearance, setUpConnection, test } from './support/fixtures';

/**
 * The main screens in both languages and both themes, switched the way a user does it (Settings →
 * Language / Theme). Screenshots land in test-results/screens/ for a person to look at.
 */
const SHOTS = resolve(import.meta.dirname, '../../test-results/screens');


test('main screens in English and Chinese, light and dark', async ({ page, ferry }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(ferry.host.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Ferry' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/welcome-en.png`, animations: 'disabled' });

  const dialog = await setUpConnection(page, { baseUrl: ferry.fixture.url, key: 'sk-screens-1234', model: 'fixture-model', name: 'Fixture' });
  await expect(dialog.getByText('Key saved in the system keychain · ends with 1234')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/settings-en.png`, animations: 'disabled' });
  await page.keyboard.press('Escape');

  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Show me some Markdown: a list, code and 中文.');
  await composer.press('Enter');
  await expect(page.locator('article[data-role="assistant"]').last()).toHaveAttribute('data-status', 'done');
  ferry.fixture.configure({ failure: { status: 429, body: { error: { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', code: 'insufficient_quota' } } } });
  await composer.fill('And now with an empty balance');
  await composer.press('Enter');
  await expect(page.locator('article[data-role="assistant"]').last()).toHaveAttribute('data-status', 'error');
  await expect(page.getByText('No API credit left')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/chat-light-en.png`, animations: 'disabled' });

  await setAppearance(page, { theme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: `${SHOTS}/chat-dark-en.png`, animations: 'disabled' });

  await setAppearance(page, { language: 'zh-CN' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: '新对话' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: '消息' })).toBeVisible();
  await expect(page.getByText('API 余额不足')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/chat-dark-zh.png`, animations: 'disabled' });

  await setAppearance(page, { theme: 'light' });
  await page.screenshot({ path: `${SHOTS}/chat-light-zh.png`, animations: 'disabled' });

  // The choice is a saved preference: a reload keeps Chinese.
  await page.reload();
  await expect(page.getByRole('button', { name: '新对话' })).toBeVisible();
  await page.getByRole('button', { name: '新对话' }).click();
  await page.screenshot({ path: `${SHOTS}/welcome-zh.png`, animations: 'disabled' });
  await page.getByRole('button', { name: '设置' }).click();
  await expect(page.getByRole('dialog', { name: '设置' }).getByText(/已保存在系统钥匙串/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/settings-zh.png`, animations: 'disabled' });
});
