import { expect, setUpConnection, test } from './support/fixtures';

/** 1,000 model names the way relays list them: vendors, families, sizes, dates. */
const MODELS = Array.from({ length: 1000 }, (_, i) => {
  const vendor = ['gpt', 'claude', 'gemini', 'qwen', 'deepseek', 'glm', 'llama', 'mistral'][i % 8];
  return `${vendor}-${['mini', 'pro', 'max', 'turbo', 'vision'][i % 5]}-${(i * 7) % 100}b-${String(i).padStart(4, '0')}`;
});

test('find one model among 1,000 by typing, pick it by keyboard, pin it, see it recent; its profile is used', async ({ page, ferry }) => {
  ferry.fixture.configure({ modelIds: MODELS });
  await page.goto(ferry.host.url);
  await setUpConnection(page, { baseUrl: ferry.fixture.url, key: 'sk-picker-e2e', model: 'fixture-model', name: 'Relay' });
  await page.keyboard.press('Escape');

  const picker = page.getByRole('button', { name: /^Model: / });
  await picker.click();
  const panel = page.getByRole('dialog', { name: 'Choose a model' });
  await panel.getByRole('button', { name: 'Refresh lists' }).click();
  await expect(panel.getByRole('status')).toHaveText('1000 models listed');
  // Virtualized: a thousand models, a screenful of rows in the DOM.
  expect(await panel.getByRole('option').count()).toBeLessThan(60);

  // Fuzzy: letters in order, not a substring.
  const search = panel.getByRole('combobox', { name: 'Search models' });
  await search.fill('dpsk0780');
  await expect(panel.getByRole('option').first()).toHaveAccessibleName('deepseek-mini-60b-0780 · Relay');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(panel).toBeHidden();
  await expect(picker).toHaveAccessibleName('Model: deepseek-mini-60b-0780 on Relay. Change');
  await expect(picker).toBeFocused();

  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Which model are you?');
  await composer.press('Enter');
  await expect(page.locator('article[data-role="assistant"]').last()).toHaveAttribute('data-status', 'done');
  const chats = () => ferry.fixture.requests.filter((r) => r.path === '/v1/chat/completions');
  expect(chats().at(-1)?.body).toMatchObject({ model: 'deepseek-mini-60b-0780' });

  // Pin another one; pinned and recent come first on the next opening.
  await picker.click();
  await search.fill('claude-max-99b-0057');
  await panel.getByRole('button', { name: 'Pin claude-max-99b-0057' }).click();
  await search.fill('');
  const options = panel.getByRole('option');
  await expect(options.nth(0)).toHaveAccessibleName('claude-max-99b-0057 · Relay');
  await expect(options.nth(1)).toHaveAccessibleName('deepseek-mini-60b-0780 · Relay');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  // Settings → Models: mark the model as reasoning with a default temperature and effort.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings', exact: true });
  await settings.getByRole('tab', { name: 'Models', exact: true }).click();
  const profile = settings.getByRole('form', { name: 'Model capabilities and defaults' });
  await expect(profile.getByLabel('Model name')).toHaveValue('deepseek-mini-60b-0780');
  await profile.getByLabel('Thinks before answering').selectOption('yes');
  await profile.getByLabel('Temperature').fill('0.3');
  await profile.getByLabel('Reasoning effort').selectOption('high');
  await profile.getByRole('button', { name: 'Save model' }).click();
  await expect(profile.getByText('Saved for deepseek-mini-60b-0780.')).toBeVisible();
  await page.keyboard.press('Escape');

  await composer.fill('Think hard');
  await composer.press('Enter');
  await expect(page.locator('article[data-role="assistant"]')).toHaveCount(2);
  await expect(page.locator('article[data-role="assistant"]').last()).toHaveAttribute('data-status', 'done');
  expect(chats().at(-1)?.body).toMatchObject({ model: 'deepseek-mini-60b-0780', temperature: 0.3, reasoning_effort: 'high' });
});
