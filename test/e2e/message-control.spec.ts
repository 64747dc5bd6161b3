import { expect, setUpConnection, test } from './support/fixtures';

test('delete with undo, edit an answer, fork, copy, quote and fold — by keyboard and mouse', async ({ page, ferry, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(ferry.host.url);
  await setUpConnection(page, { baseUrl: ferry.fixture.url, key: 'sk-control-e2e', model: 'fixture-model', name: 'Fixture' });
  await page.keyboard.press('Escape');
  const composer = page.getByRole('textbox', { name: 'Message' });
  const log = page.getByRole('log', { name: 'Messages' });
  const answers = log.locator('article[data-role="assistant"]');

  for (const q of ['First question', 'Second question']) {
    await composer.fill(q);
    await composer.press('Enter');
    await expect(answers.last()).toHaveAttribute('data-status', 'done');
  }
  await expect(log.locator('article')).toHaveCount(4);

  // Delete the second question with its answer, by keyboard; then undo.
  const second = log.locator('article[data-role="user"]').nth(1);
  await second.hover();
  await second.getByRole('button', { name: 'More actions' }).focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'More actions' });
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Delete with replies below' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(log.locator('article')).toHaveCount(2);
  await page.getByRole('status').getByText('2 messages deleted').waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(log.locator('article')).toHaveCount(4);
  await expect(log.getByText('Second question')).toBeVisible();

  // Edit the last answer: a new version beside the original.
  const last = answers.last();
  await last.hover();
  await last.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Edit answer' }).click();
  const editor = page.getByRole('dialog', { name: 'Edit answer' });
  await editor.getByLabel('Answer text').fill('My own better answer.');
  await editor.getByRole('button', { name: 'Save as new version' }).click();
  await expect(answers.last()).toContainText('My own better answer.');
  await expect(answers.last().getByText('2 / 2')).toBeVisible();

  // Copy as Markdown and as plain text.
  await answers.last().hover();
  await answers.last().getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Copy as Markdown' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('My own better answer.');

  // Quote a selection of the first answer into the composer.
  const firstAnswer = answers.first();
  await firstAnswer.locator('.markdown p').first().selectText();
  await firstAnswer.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Quote in reply' }).click();
  await expect(composer).toHaveValue(/^> .+\n\n$/);
  await expect(composer).toBeFocused();
  await composer.fill('');

  // Fork from the first answer: a new conversation with the first round only.
  await firstAnswer.hover();
  await firstAnswer.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Fork from here' }).click();
  await expect(page.getByRole('heading', { name: 'First question (fork)' })).toBeVisible();
  await expect(log.locator('article')).toHaveCount(2);
  await expect(page.getByRole('navigation', { name: 'Conversations' }).getByText('First question (fork)')).toBeVisible();

  // A 100 KB paste is sent without freezing anything, and folds.
  const paste = '这是一段很长的日志。'.repeat(10_000);
  await composer.fill(paste);
  await composer.press('Enter');
  const big = log.locator('article[data-role="user"]').last();
  await expect(big.getByRole('button', { name: 'Show more (100,000 characters)' })).toBeVisible();
  expect((await big.locator('.bubble').innerText()).length).toBeLessThan(2000);
  await big.getByRole('button', { name: /Show more/ }).click();
  expect((await big.locator('.bubble').innerText()).length).toBeGreaterThan(99_000);
  await expect(answers.last()).toHaveAttribute('data-status', 'done');
});
