import { expect, setUpConnection, test } from './support/fixtures';

test('a reasoning stream shows a collapsible thinking block with its duration, apart from the answer', async ({ page, ferry }) => {
  await page.goto(ferry.host.url);
  await setUpConnection(page, { baseUrl: ferry.fixture.url, key: 'sk-reasoning-e2e-0000', model: 'fixture-model' });
  await page.keyboard.press('Escape');
  ferry.fixture.configure({
    mode: 'reasoning-content',
    // ~60 reasoning chunks at 120 ms: several seconds of visible thinking.
    reasoning: 'First I weigh the options. ' + 'Still weighing them. '.repeat(20) + 'Then I pick the best one. ',
    text: 'The final answer.',
    chunkDelayMs: 120,
  });
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Think about it');
  await composer.press('Enter');
  const answer = page.getByRole('log', { name: 'Messages' }).locator('article[data-role="assistant"]');

  // While thinking: open, with a live timer.
  const toggle = answer.getByRole('button', { name: /^Thinking \d\d:\d\d$/ });
  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(answer.locator('.reasoning-text')).toContainText('First I weigh');

  // Once answered: collapsed, with the final duration; the answer holds no reasoning.
  await expect(answer).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
  const done = answer.getByRole('button', { name: /^Thought for \d\d:\d\d$/ });
  await expect(done).toHaveAttribute('aria-expanded', 'false');
  await expect(answer.locator('.markdown')).toHaveText('The final answer.');
  await expect(answer.locator('.reasoning-text')).toHaveCount(0);
  await done.click();
  await expect(done).toHaveAttribute('aria-expanded', 'true');
  await expect(answer.locator('.reasoning-text')).toContainText('Then I pick the best one.');

  // Stored apart: it is still there, still apart, after a reload.
  await page.reload();
  await page.getByRole('navigation', { name: 'Conversations' }).getByText('Think about it').click();
  await expect(answer.getByRole('button', { name: /^Thought for \d\d:\d\d$/ })).toBeVisible();
  await expect(answer.locator('.markdown')).toHaveText('The final answer.');
});
