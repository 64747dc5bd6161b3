import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { seed } from './support/seed';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const links = (page: Page) => nav(page).getByRole('listbox', { name: 'Conversation list' }).getByRole('option');
// The hover buttons are for the mouse (aria-hidden, out of the Tab order): found by their tooltip.
const row = (page: Page, title: string): Locator => nav(page).locator('.conv-item', { has: page.getByRole('option', { name: title, exact: true }) });
const rowButton = (page: Page, title: string, tip: RegExp) => row(page, title).locator('button', { has: page.locator('.visually-hidden', { hasText: tip }) });

test('pin moves a conversation to the top and stays there after a reload', async ({ page, ferry }) => {
  await seed(ferry, ['Alpha', 'Bravo', 'Charlie']);
  await page.goto(ferry.host.url);
  await expect(links(page).first()).toHaveText('Charlie');

  await row(page, 'Alpha').hover();
  await rowButton(page, 'Alpha', /^Pin$/).click();
  await expect(links(page).first()).toHaveText('Alpha');
  await expect(nav(page).getByText('Pinned', { exact: true })).toBeVisible();
  await expect(rowButton(page, 'Alpha', /^Unpin$/)).toHaveCount(1);

  await page.reload();
  await expect(links(page).first()).toHaveText('Alpha');
  await expect(links(page)).toHaveText(['Alpha', 'Charlie', 'Bravo']);

  await row(page, 'Alpha').hover();
  await rowButton(page, 'Alpha', /^Unpin$/).click();
  await expect(links(page)).toHaveText(['Charlie', 'Bravo', 'Alpha']);
});

test('delete hides a conversation at once; Undo brings it back', async ({ page, ferry }) => {
  await seed(ferry, ['Alpha', 'Bravo', 'Charlie']);
  await page.goto(ferry.host.url);
  await expect(links(page)).toHaveText(['Charlie', 'Bravo', 'Alpha']);

  await row(page, 'Bravo').hover();
  await rowButton(page, 'Bravo', /^Delete$/).click();
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

  await nav(page).getByRole('option', { name: 'Bravo', exact: true }).focus();
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
  await expect(nav(page).getByRole('option', { name: 'Conversation 0000', exact: true })).toBeVisible();
});

test('a 2,000-message conversation opens at its end with a bounded number of messages in the DOM', async ({ page, ferry }) => {
  test.setTimeout(120_000);
  await seed(ferry, [], 2000);
  await page.goto(ferry.host.url);
  await nav(page).getByRole('option', { name: 'Long conversation', exact: true }).click();

  const log = page.getByRole('log', { name: 'Messages' });
  const last = log.locator('article[data-role][data-status]').last();
  await expect(last).toContainText('Message 1999:');
  await expect(last).toBeInViewport();
  expect(await log.locator('article').count()).toBeLessThan(60);
  await expect(page.getByRole('button', { name: 'Scroll to latest' })).toBeHidden();

  // Scrolling up renders older rows in place of the newest; Scroll to latest comes back down.
  // By wheel, as a user does: a bare script scroll while rows are still being measured reads as the
  // layout moving the view, which the list undoes while it follows the end (follow-rule.ts).
  await page.locator('.message-scroller').hover();
  await page.mouse.wheel(0, -10_000_000);
  await expect(log.locator('article').first()).toContainText('Message 0:');
  expect(await log.locator('article').count()).toBeLessThan(60);
  await page.getByRole('button', { name: 'Scroll to latest' }).click();
  await expect(log.locator('article[data-role][data-status]').last()).toContainText('Message 1999:');
  await expect(log.locator('article').last()).toBeInViewport();
});
