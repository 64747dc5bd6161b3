import { nextChatRelay, startFixtureServer } from '../fixture';
import { expect, test } from './support/fixtures';

/**
 * A NextChat relay added by server address + access code, tested, chatted through; then its host
 * changes and the saved code is not sent there until the user confirms it.
 */
test('NextChat relay by server + access code; a moved host gets no key until confirmed', async ({ page, ferry }) => {
  ferry.fixture.configure({ nextChat: nextChatRelay({ codes: ['s3cret'], customModels: '+fixture-model', defaultModel: 'fixture-model' }) });
  await page.goto(ferry.host.url);
  await page.getByRole('button', { name: 'Set up a connection' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings', exact: true });

  await dialog.getByRole('combobox', { name: 'Preset' }).selectOption('nextchat');
  await expect(dialog.getByText(/type its address and the access code/)).toBeVisible();
  await dialog.getByLabel('Name', { exact: true }).fill('My relay');
  await dialog.getByLabel('Server address').fill(ferry.fixture.url);
  await expect(dialog.getByText(`${ferry.fixture.url}/api/openai/v1/chat/completions`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Read server settings' }).click();
  await expect(dialog.getByText('The server needs an access code. Models it offers: fixture-model')).toBeVisible();
  await expect(dialog.getByLabel('Model', { exact: true })).toHaveValue('fixture-model');

  // A wrong code first: the test names it.
  await dialog.getByLabel('Access code').fill('nope');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  const result = dialog.getByRole('alert', { name: 'Test result' });
  await expect(result.getByText('Wrong or missing access code. Check the CODE on your NextChat server.')).toBeVisible();

  await dialog.getByLabel('Access code').fill('s3cret');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('status', { name: 'Test result' }).getByText('Connected. The API answered.')).toBeVisible();
  // Testing saved nothing: Save does.
  await expect(dialog.getByText(/ends with cret/)).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByText(/ends with cret/)).toBeVisible();
  await page.keyboard.press('Escape');

  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Hello through the relay');
  await composer.press('Enter');
  await expect(page.locator('article[data-role="assistant"]').last()).toHaveAttribute('data-status', 'done');
  const chat = ferry.fixture.requests.find((r) => r.path === '/api/openai/v1/chat/completions');
  expect(chat?.headers.authorization).toBe('Bearer nk-s3cret');

  // The relay moves to another host: the saved code must not follow until confirmed.
  const moved = await startFixtureServer({ scenario: { nextChat: nextChatRelay({ codes: ['s3cret'] }) } });
  try {
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await dialog.getByLabel('Server address').fill(moved.url);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    const host = new URL(moved.url).host;
    await expect(dialog.getByText(new RegExp(`It won’t be sent to ${host.replace(/\./g, '\\.')}`))).toBeVisible();
    await page.keyboard.press('Escape');

    await composer.fill('Does the key follow?');
    await composer.press('Enter');
    await expect(page.getByText('The key isn’t confirmed for this host')).toBeVisible();
    expect(moved.requests).toHaveLength(0);

    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await dialog.getByRole('button', { name: `Use the saved key for ${host}` }).click();
    await expect(dialog.getByText(`The saved key will now be used for ${host}.`)).toBeVisible();
    await page.keyboard.press('Escape');
    await composer.fill('And now?');
    await composer.press('Enter');
    const answers = page.locator('article[data-role="assistant"]');
    await expect(answers).toHaveCount(2);
    await expect(answers.last()).toHaveAttribute('data-status', 'done');
    const relayed = await moved.waitForRequest((r) => r.path === '/api/openai/v1/chat/completions');
    expect(relayed.headers.authorization).toBe('Bearer nk-s3cret');
  } finally {
    await moved.close();
  }
});
