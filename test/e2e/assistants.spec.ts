import { sentTurns } from '../fixture/content-parts';
import { expect, setUpConnection, test } from './support/fixtures';

test('start a chat from an assistant and insert a / prompt with its variables, keyboard only', async ({ page, ferry }) => {
  await page.goto(ferry.host.url);
  await setUpConnection(page, { baseUrl: ferry.fixture.url, key: 'sk-assist-e2e', model: 'fixture-model', name: 'Fixture' });
  await page.keyboard.press('Escape');
  const lastTurns = () => sentTurns(ferry.fixture.requests.filter((r) => r.path === '/v1/chat/completions').at(-1)!.body);

  // Choose the built-in translator from the new-chat screen.
  const translator = page.getByRole('button', { name: /^Translator/ });
  await translator.focus();
  await page.keyboard.press('Enter');
  await expect(translator).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('New chat with Translator')).toBeVisible();
  const composer = page.getByRole('textbox', { name: 'Message' });
  await expect(composer).toBeFocused();
  await page.keyboard.type('早上好');
  await page.keyboard.press('Enter');
  await expect(page.locator('article[data-role="assistant"]').last()).toHaveAttribute('data-status', 'done');
  expect(lastTurns()[0]).toMatchObject({ role: 'system' });
  expect(lastTurns()[0]!.text).toContain('professional translator');
  expect(ferry.fixture.requests.at(-1)?.body).toMatchObject({ temperature: 0.3 });

  // "/" opens the prompt library; type to filter, Enter picks, a small form asks for the blanks.
  await page.getByRole('button', { name: 'New chat' }).click();
  await composer.focus();
  await page.keyboard.type('/summ');
  const palette = page.getByRole('listbox', { name: 'Prompts' });
  await expect(palette.getByRole('option').first()).toContainText('Summarize');
  await expect(composer).toHaveAttribute('aria-activedescendant', /.+/);
  await page.keyboard.press('Enter');
  const form = page.getByRole('dialog', { name: 'Summarize' });
  await expect(form.getByLabel('points')).toBeFocused();
  await page.keyboard.type('3');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Ferry now takes images and PDFs.');
  await page.keyboard.press('Control+Enter');
  await expect(form).toBeHidden();
  await expect(composer).toBeFocused();
  await expect(composer).toHaveValue('Summarize the following in 3 bullet points, most important first:\n\nFerry now takes images and PDFs.');
  // Esc closes the list and leaves the text as typed.
  await composer.fill('');
  await page.keyboard.type('/');
  await expect(palette).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await expect(composer).toHaveValue('/');
  await composer.fill('');

  // Make an assistant of one's own and make it the default: plain new chats start with it.
  await page.getByRole('button', { name: 'Manage assistants and prompts' }).click();
  const dialog = page.getByRole('dialog', { name: 'Assistants and prompts' });
  await dialog.getByRole('button', { name: 'New assistant' }).click();
  await dialog.getByLabel('Emoji').fill('🧪');
  await dialog.getByLabel('Name', { exact: true }).fill('Lab partner');
  await dialog.getByLabel(/system prompt/).fill('Answer like a careful chemist.');
  await dialog.getByLabel('Max tokens').fill('300');
  await dialog.getByRole('button', { name: 'Save assistant' }).click();
  await expect(dialog.getByText('Lab partner saved.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Make Lab partner the default for new chats' }).click();
  await expect(dialog.getByText('Default for new chats saved.')).toBeVisible();
  // A prompt of one's own shows up in the / list.
  await dialog.getByRole('tab', { name: 'Prompts' }).click();
  await dialog.getByRole('button', { name: 'New prompt' }).click();
  await dialog.getByLabel('Title').fill('Safety check');
  await dialog.getByLabel('Prompt', { exact: true }).fill('Is {{substance}} safe to mix with water?');
  await expect(dialog.getByText('Asked when used: substance')).toBeVisible();
  await dialog.getByRole('button', { name: 'Save prompt' }).click();
  await page.keyboard.press('Escape');

  await expect(page.getByText('New chat with Lab partner')).toBeVisible();
  await composer.focus();
  await page.keyboard.type('/safety');
  await expect(palette.getByRole('option').first()).toContainText('Safety check');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('dialog', { name: 'Safety check' }).getByLabel('substance')).toBeFocused();
  await page.keyboard.type('sodium');
  await page.keyboard.press('Enter');
  await expect(composer).toHaveValue('Is sodium safe to mix with water?');
  await page.keyboard.press('Enter');
  await expect(page.locator('article[data-role="assistant"]').last()).toHaveAttribute('data-status', 'done');
  expect(lastTurns().map((t) => t.text)).toEqual(['Answer like a careful chemist.', 'Is sodium safe to mix with water?']);
  expect(ferry.fixture.requests.at(-1)?.body).toMatchObject({ max_tokens: 300 });
});
