import { filesContaining } from './support/files';
import { expect, test } from './support/fixtures';

// A Linux box without a Secret Service (WSL, a bare server): the bus address leads nowhere.
test.use({ hostEnv: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/ferry-test-bus' } });

test('without a keychain, Ferry says so and keeps the key for this session only', async ({ page, ferry }) => {
  const key = `sk-session-only-${Date.now()}-Kq7w`;
  ferry.fixture.configure({ requireKey: key });
  await page.goto(ferry.host.url);
  await page.getByRole('button', { name: 'Set up a connection' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings', exact: true });
  await expect(dialog.getByText(/No system keychain was found/)).toBeVisible();
  await expect(dialog.getByText(/GNOME Keyring or KWallet/)).toBeVisible();

  await dialog.getByLabel('Base URL', { exact: true }).fill(ferry.fixture.url);
  await dialog.getByLabel('API key', { exact: true }).fill(key);
  await dialog.getByLabel('Model', { exact: true }).fill('fixture-model');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  // Not without the user's explicit consent.
  await expect(dialog.getByText(/tick “Keep the key for this session only”/)).toBeVisible();

  await dialog.getByRole('checkbox', { name: /Keep the key for this session only/ }).check();
  await dialog.getByLabel('API key', { exact: true }).fill(key);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByText('Kept for this session only · ends with Kq7w')).toBeVisible();
  await page.keyboard.press('Escape');

  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('hello without keychain');
  await composer.press('Enter');
  await expect(page.locator('article[data-role="assistant"]').last()).toHaveAttribute('data-status', 'done');

  // Quitting forgets it: nothing was written anywhere.
  const host = await ferry.restartHost();
  expect(filesContaining(ferry.dataDir, key)).toEqual([]);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Settings', exact: true }).getByText('No key', { exact: true })).toBeVisible();
});
