import { startSocks } from '../integration/support/proxies';
import type { Page } from '@playwright/test';
import { expect, setUpConnection, test } from './support/fixtures';
import { freePort } from './support/ports';

async function openSettings(page: Page) {
  const setup = page.getByRole('button', { name: 'Set up a connection' });
  if (await setup.isVisible()) await setup.click();
  else await page.getByRole('button', { name: /^Settings/ }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Settings', exact: true });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('Settings is one side list of sections; arrows move between them; unsaved changes ask first', async ({ page, ferry }) => {
  await page.goto(ferry.host.url);
  const dialog = await openSettings(page);
  const tabs = dialog.getByRole('tablist', { name: 'Settings sections' }).getByRole('tab');
  await expect(tabs).toHaveText(['Connections', 'Models', 'Network', 'Appearance', 'Data', 'Sync', 'Shortcuts', 'Updates', 'About']);
  await expect(dialog.getByRole('tab', { name: 'Connections' })).toHaveAttribute('aria-selected', 'true');

  await dialog.getByRole('tab', { name: 'Connections' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('tab', { name: 'Models' })).toBeFocused();
  await expect(dialog.getByRole('tabpanel', { name: 'Models' })).toBeVisible();
  await page.keyboard.press('End');
  await expect(dialog.getByRole('tabpanel', { name: 'About' })).toContainText('Browser host');

  await dialog.getByRole('tab', { name: 'Data' }).click();
  await expect(dialog.getByRole('tabpanel', { name: 'Data' })).toContainText(ferry.dataDir);

  // One save behaviour: an unsaved edit says so, and leaving asks.
  await dialog.getByRole('tab', { name: 'Appearance' }).click();
  await dialog.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(dialog.getByText('Unsaved changes')).toBeVisible();
  await dialog.getByRole('tab', { name: 'Network' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Discard unsaved changes?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(dialog.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: /^Saved\.$/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await dialog.getByRole('tab', { name: 'Network' }).click();
  await expect(ask).toBeHidden();
  await expect(dialog.getByRole('tabpanel', { name: 'Network' })).toBeVisible();
});

test('Test connection tests what the form holds and saves nothing', async ({ page, ferry }) => {
  await page.goto(ferry.host.url);
  const dialog = await openSettings(page);
  const port = await freePort();
  await dialog.getByLabel('Base URL', { exact: true }).fill(`http://127.0.0.1:${port}`);
  await dialog.getByLabel('API key', { exact: true }).fill('sk-typed-not-saved-1234');
  await dialog.getByLabel('Model', { exact: true }).fill('fixture-model');
  const testButton = dialog.getByRole('button', { name: 'Test connection' });
  await testButton.click();
  const result = dialog.getByRole('alert', { name: 'Test result' });
  await expect(result).toContainText('The server refused the connection');
  // Next to the button and in view, with the address that failed.
  await expect(result).toBeInViewport();
  await expect(result).toContainText(`Failed request: http://127.0.0.1:${port}/v1`);
  const gap = async () => (await result.boundingBox())!.y - ((await testButton.boundingBox())!.y + (await testButton.boundingBox())!.height);
  expect(await gap()).toBeLessThan(40);
  // Nothing was saved: the key is still in the field, no connection exists.
  await expect(dialog.getByLabel('API key', { exact: true })).toHaveValue('sk-typed-not-saved-1234');
  await expect(dialog.getByText('Unsaved changes')).toBeVisible();
  await expect(dialog.getByLabel('Connection', { exact: true })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Discard changes' }).click();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Set up a connection' })).toBeVisible();
  expect(ferry.fixture.requests).toHaveLength(0);
});

test('the key step passes only when a request that needs the key succeeded; a missing model is named', async ({ page, ferry }) => {
  ferry.fixture.configure({ requireKey: 'sk-the-right-key-42', keyFreeModels: true, strictModels: true });
  await page.goto(ferry.host.url);
  const dialog = await openSettings(page);
  await dialog.getByLabel('Base URL', { exact: true }).fill(ferry.fixture.url);
  await dialog.getByLabel('API key', { exact: true }).fill('sk-wrong-key-0000');
  await dialog.getByLabel('Model', { exact: true }).fill('fixture-model');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  const failed = dialog.getByRole('alert', { name: 'Test result' });
  await expect(failed).toContainText('The key was not accepted (401)');
  await expect(failed.getByRole('listitem').last()).toHaveText(/✗ Key: failed/);
  await expect(failed.getByRole('listitem').filter({ hasText: 'Model list: passed' })).toHaveCount(1);
  await expect(failed).toContainText(`Failed request: ${ferry.fixture.url}/v1/chat/completions`);

  await dialog.getByLabel('API key', { exact: true }).fill('sk-the-right-key-42');
  await dialog.getByLabel('Model', { exact: true }).fill('fixture-modle');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(failed).toContainText('This server doesn’t offer the model “fixture-modle”.');
  await expect(failed.getByRole('listitem').last()).toHaveText(/✗ Model: failed/);
  await failed.getByRole('button', { name: 'Use fixture-model' }).click();
  await expect(dialog.getByLabel('Model', { exact: true })).toHaveValue('fixture-model');

  await dialog.getByRole('button', { name: 'Test connection' }).click();
  const ok = dialog.getByRole('status', { name: 'Test result' });
  await expect(ok).toContainText('Connected. The API answered.');
  await expect(ok.getByRole('listitem').last()).toHaveText(/✓ Key: passed/);
});

test('addresses: "not a url" is refused with a message; a bare IP:port of a NextChat relay is plain http', async ({ page, ferry }) => {
  await page.goto(ferry.host.url);
  const dialog = await openSettings(page);
  await dialog.getByLabel('Base URL', { exact: true }).fill('not a url');
  await expect(dialog.getByText('This doesn’t look like a web address.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'This doesn’t look like a web address.' })).toBeVisible();
  await expect(dialog.getByLabel('Connection', { exact: true })).toHaveCount(0);

  await dialog.getByRole('combobox', { name: 'Preset' }).selectOption('nextchat');
  await expect(dialog.getByText(/e\.g\. http:\/\/203\.0\.113\.7:2024/)).toBeVisible();
  await dialog.getByLabel('Server address').fill('203.0.113.7:2024');
  await expect(dialog.getByText('http://203.0.113.7:2024/api/openai/v1/chat/completions')).toBeVisible();
});

test('a "no connection" error under the composer goes away once a working connection exists', async ({ page, ferry }) => {
  await page.goto(ferry.host.url);
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Hello?');
  await composer.press('Enter');
  const stale = page.getByRole('alert').filter({ hasText: 'No connection is set up' });
  await expect(stale).toBeVisible();
  await setUpConnection(page, { baseUrl: ferry.fixture.url, key: 'sk-stale-1234', model: 'fixture-model' });
  await page.keyboard.press('Escape');
  await expect(stale).toBeHidden();
});

test('Test connection uses the proxy password typed in the form, and saves it nowhere', async ({ page, ferry }) => {
  const password = 's0cks-typed-in-form';
  const socks = await startSocks({ username: 'ferry', password });
  try {
    ferry.fixture.configure({ requireKey: 'sk-through-socks-42' });
    await page.goto(ferry.host.url);
    const dialog = await openSettings(page);
    await dialog.getByLabel('Base URL', { exact: true }).fill(ferry.fixture.url);
    await dialog.getByLabel('API key', { exact: true }).fill('sk-through-socks-42');
    await dialog.getByLabel('Model', { exact: true }).fill('fixture-model');
    await dialog.locator('summary', { hasText: 'Proxy for this connection' }).click();
    await dialog.getByLabel('Proxy for this connection', { exact: true }).selectOption('manual');
    await dialog.getByLabel('Proxy address', { exact: true }).fill(socks.url);
    await dialog.getByLabel('Proxy user', { exact: true }).fill('ferry');
    await dialog.getByLabel('Proxy password', { exact: true }).fill(password);
    // The fixture is on this computer: without this it would be reached directly.
    await dialog.getByLabel('Connect directly to this computer and the local network').uncheck();
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByRole('status', { name: 'Test result' })).toContainText('Connected. The API answered.');
    expect(socks.destinations.some((d) => d.port === Number(new URL(ferry.fixture.url).port))).toBe(true);
    expect(socks.authFailures).toBe(0);
    // Still typed, not saved.
    await expect(dialog.getByLabel('Proxy password', { exact: true })).toHaveValue(password);
    await expect(dialog.getByText('Unsaved changes')).toBeVisible();
  } finally {
    await socks.close();
  }
});

test('a new language applies at once to what is already on screen, and back', async ({ page, ferry }) => {
  await page.goto(ferry.host.url);
  await expect(page.getByRole('button', { name: 'New chat' })).toBeVisible();
  const dialog = await openSettings(page);
  await dialog.getByRole('tab', { name: 'Appearance' }).click();
  await dialog.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  // The dialog that stayed open, and the sidebar behind it (hidden from the accessibility tree by
  // the modal, hence includeHidden), mounted before the change.
  const zh = page.getByRole('dialog', { name: '设置', exact: true });
  await expect(zh.getByRole('tab', { name: '外观' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: '新对话', includeHidden: true })).toBeAttached();
  await zh.getByRole('combobox', { name: '语言' }).selectOption('en');
  await zh.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog.getByRole('tab', { name: 'Appearance' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New chat', includeHidden: true })).toBeAttached();
});
