import { startFixtureServer } from '../fixture';
import { expect, setUpConnection, test } from './support/fixtures';

/**
 * Issue 3.1: each conversation remembers its connection and model and can switch both from the
 * chat header; the switch applies to the next message. Issue 4.5: the visible first-token timer.
 */
test('switch a conversation to a second connection: the next request goes to its server with its model', async ({ page, ferry }) => {
  const second = await startFixtureServer();
  try {
    await page.goto(ferry.host.url);
    const dialog = await setUpConnection(page, { baseUrl: ferry.fixture.url, key: 'sk-first-1111', model: 'model-a', name: 'First' });
    await dialog.getByRole('button', { name: 'Add connection' }).click();
    await dialog.getByLabel('Name', { exact: true }).fill('Second');
    await dialog.getByLabel('Base URL', { exact: true }).fill(second.url);
    await dialog.getByLabel('API key', { exact: true }).fill('sk-second-2222');
    await dialog.getByLabel('Model', { exact: true }).fill('model-b');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog.getByText(/ends with 2222/)).toBeVisible();
    await page.keyboard.press('Escape');

    // New chats: pick the first connection's model in the header.
    const picker = page.getByRole('button', { name: /^Model: / });
    await picker.click();
    await page.getByRole('option', { name: 'model-a · First' }).click();
    // Shown once main has stored the choice.
    await expect(picker).toHaveAccessibleName('Model: model-a on First. Change');
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('Hello first');
    await composer.press('Enter');
    const log = page.getByRole('log', { name: 'Messages' });
    await expect(log.locator('article[data-role="assistant"]').last()).toHaveAttribute('data-status', 'done');
    expect(ferry.fixture.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(1);
    expect(second.requests).toHaveLength(0);

    await expect(picker).toHaveAccessibleName('Model: model-a on First. Change');
    // By keyboard: type to filter, Enter picks.
    await picker.click();
    await page.getByRole('combobox', { name: 'Search models' }).fill('model-b');
    await page.keyboard.press('Enter');
    await expect(picker).toHaveAccessibleName('Model: model-b on Second. Change');

    // A slow first byte: the streaming answer shows how long it has waited.
    second.configure({ firstByteDelayMs: 2_500 });
    await composer.fill('Hello second');
    await composer.press('Enter');
    const answer = log.locator('article[data-role="assistant"]').last();
    await expect(answer.getByRole('timer')).toHaveText(/Waiting for the first token · 00:0[1-2]/, { timeout: 5_000 });
    await expect(answer).toHaveAttribute('data-status', 'done', { timeout: 10_000 });
    await expect(answer.getByRole('timer')).toHaveCount(0);

    const sent = second.requests.filter((r) => r.path === '/v1/chat/completions');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toMatchObject({ model: 'model-b' });
    expect(sent[0]?.headers.authorization).toBe('Bearer sk-second-2222');
    expect(ferry.fixture.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(1);

    // Remembered after a reload.
    await page.reload();
    await page.getByRole('navigation', { name: 'Conversations' }).getByText('Hello first').click();
    await expect(page.getByRole('button', { name: /^Model: / })).toHaveAccessibleName('Model: model-b on Second. Change');
  } finally {
    await second.close();
  }
});
