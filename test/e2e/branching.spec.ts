import { expect, setUpConnection, test } from './support/fixtures';

test.beforeEach(async ({ page, ferry }) => {
  await page.goto(ferry.host.url);
  await setUpConnection(page, { baseUrl: ferry.fixture.url, key: 'sk-branching-e2e-0000', model: 'fixture-model' });
  await page.keyboard.press('Escape');
});

test('regenerate keeps both answers, switchable in place; edit adds a sibling question', async ({ page, ferry }) => {
  ferry.fixture.configure({ text: 'First version of the answer.' });
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Give me an answer');
  await composer.press('Enter');
  const log = page.getByRole('log', { name: 'Messages' });
  const answer = log.locator('article[data-role="assistant"]');
  await expect(answer).toHaveAttribute('data-status', 'done');
  await expect(answer).toContainText('First version');

  ferry.fixture.configure({ text: 'Second version of the answer.' });
  await answer.getByRole('button', { name: 'Regenerate' }).click();
  await expect(answer).toContainText('Second version');
  await expect(answer).toHaveAttribute('data-status', 'done');
  // Only the active path is shown: still one answer on screen.
  await expect(log.locator('article[data-role="assistant"]')).toHaveCount(1);
  await expect(answer.getByRole('group', { name: 'Version 2 of 2' })).toBeVisible();

  await answer.getByRole('button', { name: 'Previous version' }).click();
  await expect(answer).toContainText('First version');
  await expect(answer.getByRole('group', { name: 'Version 1 of 2' })).toBeVisible();
  await answer.getByRole('button', { name: 'Next version' }).click();
  await expect(answer).toContainText('Second version');

  // The choice is stored: a reload shows the same branch.
  await page.getByRole('button', { name: 'Previous version' }).click();
  await expect(answer).toContainText('First version');
  await page.reload();
  await expect(log.locator('article[data-role="assistant"]')).toContainText('First version');

  // Edit the question: a sibling question with its own answer.
  ferry.fixture.configure({ text: 'Answer to the edited question.' });
  const question = log.locator('article[data-role="user"]');
  await question.hover();
  await question.getByRole('button', { name: 'Edit' }).click();
  const editor = question.getByRole('textbox', { name: 'Edit your message' });
  await editor.fill('An edited question');
  await editor.press('Enter');
  await expect(question).toContainText('An edited question');
  await expect(question.getByRole('group', { name: 'Version 2 of 2' })).toBeVisible();
  await expect(log.locator('article[data-role="assistant"]')).toContainText('Answer to the edited question.');
  await question.getByRole('button', { name: 'Previous version' }).click();
  await expect(question).toContainText('Give me an answer');
  // Switching lands on the newest leaf under that version: the regenerated answer.
  await expect(log.locator('article[data-role="assistant"]')).toContainText('Second version');
});

test('a stopped answer offers Continue and Regenerate; Continue appends to it', async ({ page, ferry }) => {
  ferry.fixture.configure({ repeat: 40, chunkDelayMs: 25 });
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('A long story please');
  await composer.press('Enter');
  const answer = page.getByRole('log', { name: 'Messages' }).locator('article[data-role="assistant"]');
  await expect(answer).toContainText('Fixture', { timeout: 10_000 });
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(answer).toHaveAttribute('data-status', 'stopped');
  await expect(answer.getByRole('button', { name: 'Continue' })).toBeVisible();
  // One set of actions for the state: Continue and Regenerate, not a second ↻ beside them.
  await expect(answer.getByRole('button', { name: 'Regenerate' })).toHaveCount(1);
  await expect(answer.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  // Its token count is shown (estimated: a stopped stream gets no usage chunk).
  await expect(answer.getByLabel('Tokens used')).toHaveText(/~\d+ in · ~\d+ out/);
  const partial = (await answer.locator('.markdown').textContent()) ?? '';

  ferry.fixture.configure({ repeat: 1, chunkDelayMs: 0, text: 'THE END.' });
  await answer.getByRole('button', { name: 'Continue' }).click();
  await expect(answer).toHaveAttribute('data-status', 'done');
  await expect(answer).toContainText('THE END.');
  expect(((await answer.locator('.markdown').textContent()) ?? '').length).toBeGreaterThan(partial.length);
  await expect(answer.getByRole('button', { name: 'Continue' })).toHaveCount(0);
});

test('conversation settings are saved and sent with the next request', async ({ page, ferry }) => {
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('First');
  await composer.press('Enter');
  await expect(page.locator('article[data-role="assistant"]')).toHaveAttribute('data-status', 'done');
  await page.getByRole('button', { name: 'Conversation settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Conversation settings' });
  await dialog.getByLabel('System prompt').fill('Answer in haiku.');
  await dialog.getByLabel('Messages of context').fill('1');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Saved')).toBeVisible();
  await page.keyboard.press('Escape');

  await composer.fill('Second');
  await composer.press('Enter');
  await expect(page.locator('article[data-role="assistant"]')).toHaveCount(2);
  await expect(page.locator('article[data-role="assistant"]').last()).toHaveAttribute('data-status', 'done');
  const body = ferry.fixture.requests.filter((r) => r.path === '/v1/chat/completions').at(-1)?.body as { messages: unknown[] };
  expect(body.messages).toEqual([
    { role: 'system', content: 'Answer in haiku.' },
    { role: 'user', content: 'Second' },
  ]);
});

test('a failed answer offers Retry, which answers again beside it, and Edit connection', async ({ page, ferry }) => {
  ferry.fixture.configure({ failure: { status: 500, body: { error: { message: 'upstream exploded', type: 'server_error' } } } });
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Will this fail?');
  await composer.press('Enter');
  const answer = page.getByRole('log', { name: 'Messages' }).locator('article[data-role="assistant"]');
  await expect(answer).toHaveAttribute('data-status', 'error');
  await expect(answer).toContainText('upstream exploded');

  await answer.getByRole('button', { name: 'Edit connection' }).click();
  await expect(page.getByRole('dialog', { name: 'Settings', exact: true })).toBeVisible();
  await page.keyboard.press('Escape');

  ferry.fixture.configure({ failure: null, text: 'Worked this time.' });
  await answer.getByRole('button', { name: 'Retry' }).click();
  await expect(answer).toHaveAttribute('data-status', 'done');
  await expect(answer).toContainText('Worked this time.');
  await expect(answer.getByRole('group', { name: 'Version 2 of 2' })).toBeVisible();
});
