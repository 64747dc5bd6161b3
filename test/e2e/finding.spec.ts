import { expect, test } from './support/fixtures';
import { seed } from './support/seed';

const nav = (page: import('@playwright/test').Page) => page.getByRole('navigation', { name: 'Conversations' });

test('the sidebar filters conversations by title as you type, beyond the loaded page', async ({ page, ferry }) => {
  // 150 conversations: the match is older than the first page of 100.
  await seed(ferry, ['东京七日游', ...Array.from({ length: 150 }, (_, i) => `Chat ${i}`)]);
  await page.goto(ferry.host.url);
  const options = nav(page).getByRole('listbox', { name: 'Conversation list' }).getByRole('option');
  await expect(options.first()).toHaveText('Chat 149');
  await expect(nav(page).getByRole('option', { name: '东京七日游' })).toHaveCount(0);
  // The sidebar shows the shortcut for searching messages too.
  await expect(nav(page).getByRole('button', { name: /Search messages too/ })).toContainText('Ctrl+K');

  const filter = nav(page).getByRole('searchbox', { name: 'Filter conversations by title' });
  await filter.fill('七日游');
  await expect(options).toHaveText(['东京七日游']);
  // Every word must be in the title, in any case.
  await filter.fill('CHAT 14');
  await expect(options).toHaveText(['Chat 149', 'Chat 148', 'Chat 147', 'Chat 146', 'Chat 145', 'Chat 144', 'Chat 143', 'Chat 142', 'Chat 141', 'Chat 140', 'Chat 114', 'Chat 14']);
  await filter.fill('nothing like this');
  await expect(nav(page).getByRole('status').filter({ hasText: 'No title contains “nothing like this”.' })).toBeVisible();
  await filter.press('Escape');
  await expect(filter).toHaveValue('');
  await expect(options.first()).toHaveText('Chat 149');
});

test('Ctrl+K finds a conversation by its title; snippets are plain text with the match marked', async ({ page, ferry }) => {
  await seed(ferry, ['东京七日游', 'Other'], 4, (i) => (i === 1 ? '| Day | Place |\n|---|---|\n| 1 | **Asakusa** temple |' : `Line ${i}`));
  await page.goto(ferry.host.url);
  await expect(nav(page).getByRole('option', { name: '东京七日游' })).toBeVisible();
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search conversations' });
  await dialog.getByRole('combobox', { name: 'Search text' }).fill('七日游');
  const title = dialog.getByRole('option').filter({ hasText: '东京七日游' });
  await expect(title).toBeVisible();
  await expect(title.locator('mark')).toHaveText('七日游');

  await dialog.getByRole('combobox', { name: 'Search text' }).fill('asakusa');
  const hit = dialog.getByRole('option').filter({ hasText: 'Asakusa' });
  await expect(hit).toContainText('Day Place 1 Asakusa temple');
  await expect(hit).not.toContainText('**');
  await expect(hit).not.toContainText('|---|');
  await expect(hit.locator('mark')).toHaveText('Asakusa');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Long conversation' })).toBeVisible();
});

test('find in a 2,000-message conversation: counted, next/previous, scrolled into view and highlighted', async ({ page, ferry }) => {
  test.setTimeout(120_000);
  const needles = new Set([5, 700, 1990]);
  await seed(ferry, [], 2000, (i) => (needles.has(i) ? `Message ${i} hides a zebra-needle here.` : `Message ${i}: plain words only.`));
  await page.goto(ferry.host.url);
  await nav(page).getByRole('option', { name: 'Long conversation' }).click();
  const log = page.getByRole('log', { name: 'Messages' });
  await expect(log.locator('article').last()).toContainText('Message 1999');

  await page.keyboard.press('Control+f');
  const find = page.getByRole('searchbox', { name: 'Find in this conversation' });
  await expect(find).toBeFocused();
  await find.fill('ZEBRA-NEEDLE');
  const status = page.locator('#find-status');
  await expect(status).toHaveText('1 of 3');
  const current = () =>
    page.evaluate(() => {
      const h = CSS.highlights.get('ferry-find-current');
      const range = h ? ([...h][0] as Range | undefined) : undefined;
      if (!range) return null;
      const rect = range.getBoundingClientRect();
      const article = range.startContainer.parentElement?.closest('article');
      return { text: article?.textContent ?? '', inView: rect.top >= 0 && rect.bottom <= window.innerHeight && rect.height > 0 };
    });
  // The first match is far above what was rendered: it is brought in, scrolled to, and marked.
  await expect.poll(current).toMatchObject({ text: expect.stringContaining('Message 5 hides'), inView: true });
  await find.press('Enter');
  await expect(status).toHaveText('2 of 3');
  await expect.poll(current).toMatchObject({ text: expect.stringContaining('Message 700 hides'), inView: true });
  await find.press('Shift+Enter');
  await find.press('Shift+Enter');
  await expect(status).toHaveText('3 of 3');
  await expect.poll(current).toMatchObject({ text: expect.stringContaining('Message 1990 hides'), inView: true });
  await page.getByRole('button', { name: 'Previous match' }).click();
  await expect(status).toHaveText('2 of 3');

  await find.fill('no such thing');
  await expect(status).toHaveText('No matches');
  await find.press('Escape');
  await expect(find).toBeHidden();
  expect(await page.evaluate(() => CSS.highlights.has('ferry-find'))).toBe(false);
});
