import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { openHistory } from '../../electron/services/storage/open-history';
import { expect, test, type FerryWorld } from './support/fixtures';

/**
 * Writes conversations straight into the data folder while the host is stopped (the way a years-old
 * history arrives), then restarts the host on it. The last one created is the newest.
 */
async function seed(ferry: FerryWorld, titles: string[], longMessages = 0): Promise<{ longId: string | null }> {
  await ferry.host.stop();
  const history = openHistory(join(ferry.dataDir, 'ferry.db'));
  for (const title of titles) history.createConversation({ title, connectionId: null, model: null });
  let longId: string | null = null;
  if (longMessages > 0) {
    const c = history.createConversation({ title: 'Long conversation', connectionId: null, model: null });
    longId = c.id;
    let parentId: string | null = null;
    for (let i = 0; i < longMessages; i++) {
      const m = history.insertMessage({
        conversationId: c.id,
        parentId,
        role: i % 2 === 0 ? 'user' : 'assistant',
        content: `Message ${i}: ${i % 2 === 0 ? 'a question' : 'an answer with a few words in it. '.repeat(1 + (i % 5))}`,
        status: 'done',
        model: null,
      });
      parentId = m.id;
    }
  }
  history.close();
  await ferry.restartHost();
  return { longId };
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const links = (page: Page) => nav(page).locator('a.conv-link');
const row = (page: Page, title: string): Locator => nav(page).locator('.conv-item', { has: page.getByRole('link', { name: title, exact: true }) });

test('pin moves a conversation to the top and stays there after a reload', async ({ page, ferry }) => {
  await seed(ferry, ['Alpha', 'Bravo', 'Charlie']);
  await page.goto(ferry.host.url);
  await expect(links(page).first()).toHaveText('Charlie');

  await row(page, 'Alpha').getByRole('button', { name: 'Pin', exact: true }).click();
  await expect(links(page).first()).toHaveText('Alpha');
  await expect(nav(page).getByRole('heading', { name: 'Pinned' })).toBeVisible();
  await expect(row(page, 'Alpha').getByRole('button', { name: 'Unpin', exact: true })).toBeVisible();

  await page.reload();
  await expect(links(page).first()).toHaveText('Alpha');
  await expect(links(page)).toHaveText(['Alpha', 'Charlie', 'Bravo']);

  await row(page, 'Alpha').getByRole('button', { name: 'Unpin', exact: true }).click();
  await expect(links(page)).toHaveText(['Charlie', 'Bravo', 'Alpha']);
});

test('delete hides a conversation at once; Undo brings it back', async ({ page, ferry }) => {
  await seed(ferry, ['Alpha', 'Bravo', 'Charlie']);
  await page.goto(ferry.host.url);
  await expect(links(page)).toHaveText(['Charlie', 'Bravo', 'Alpha']);

  await row(page, 'Bravo').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(links(page)).toHaveText(['Charlie', 'Alpha']);
  const toast = nav(page).getByRole('status');
  await expect(toast).toContainText('Conversation deleted');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(links(page)).toHaveText(['Charlie', 'Bravo', 'Alpha']);
  await expect(toast).toBeEmpty();

  await page.reload();
  await expect(links(page)).toHaveText(['Charlie', 'Bravo', 'Alpha']);
});

test('delete without undo (by keyboard) is gone after a reload', async ({ page, ferry }) => {
  await seed(ferry, ['Alpha', 'Bravo', 'Charlie']);
  await page.goto(ferry.host.url);
  await expect(links(page)).toHaveText(['Charlie', 'Bravo', 'Alpha']);

  await nav(page).getByRole('link', { name: 'Bravo', exact: true }).focus();
  await page.keyboard.press('Delete');
  await expect(links(page)).toHaveText(['Charlie', 'Alpha']);
  // Focus is not dropped: it lands on Undo.
  await expect(nav(page).getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.waitForTimeout(300);

  await page.reload();
  await expect(links(page)).toHaveText(['Charlie', 'Alpha']);
});

test('2,000 conversations: a bounded number of rows, and scrolling to the end pages in the rest', async ({ page, ferry }) => {
  test.setTimeout(120_000);
  await seed(ferry, Array.from({ length: 2000 }, (_, i) => `Conversation ${String(i).padStart(4, '0')}`));
  await page.goto(ferry.host.url);
  await expect(links(page).first()).toHaveText('Conversation 1999');
  expect(await nav(page).locator('.conv-row').count()).toBeLessThan(100);

  const scroller = nav(page).locator('.conv-scroller');
  const lastIndex = () =>
    scroller.evaluate((el) => Math.max(...[...el.querySelectorAll('.conv-row')].map((r) => Number((r as HTMLElement).dataset.index))));
  // Every scroll to the end asks for the next page, until all 2,000 (plus the group headers) are in.
  await expect(async () => {
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    expect(await lastIndex()).toBeGreaterThanOrEqual(2000);
  }).toPass({ timeout: 60_000, intervals: [100, 200, 300] });
  expect(await nav(page).locator('.conv-row').count()).toBeLessThan(100);
  await expect(nav(page).getByRole('link', { name: 'Conversation 0000', exact: true })).toBeVisible();
});

test('a 2,000-message conversation opens at its end with a bounded number of messages in the DOM', async ({ page, ferry }) => {
  test.setTimeout(120_000);
  await seed(ferry, [], 2000);
  await page.goto(ferry.host.url);
  await nav(page).getByRole('link', { name: 'Long conversation', exact: true }).click();

  const log = page.getByRole('log', { name: 'Messages' });
  const last = log.locator('article[data-role][data-status]').last();
  await expect(last).toContainText('Message 1999:');
  await expect(last).toBeInViewport();
  expect(await log.locator('article').count()).toBeLessThan(60);
  await expect(page.getByRole('button', { name: 'Scroll to latest' })).toBeHidden();

  // Scrolling up renders older rows in place of the newest; Scroll to latest comes back down.
  await page.locator('.message-scroller').evaluate((el) => el.scrollTo({ top: 0 }));
  await expect(log.locator('article').first()).toContainText('Message 0:');
  expect(await log.locator('article').count()).toBeLessThan(60);
  await page.getByRole('button', { name: 'Scroll to latest' }).click();
  await expect(log.locator('article[data-role][data-status]').last()).toContainText('Message 1999:');
  await expect(log.locator('article').last()).toBeInViewport();
});
