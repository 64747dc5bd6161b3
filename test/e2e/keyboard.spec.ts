import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { seed } from './support/seed';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');

test('the conversation list is one Tab stop; arrows, Home and End move; Enter opens', async ({ page, ferry }) => {
  await seed(ferry, ['Alpha', 'Bravo', 'Charlie', 'Delta']);
  await page.goto(ferry.host.url);
  const list = nav(page).getByRole('listbox', { name: 'Conversation list' });
  await expect(list.getByRole('option')).toHaveText(['Delta', 'Charlie', 'Bravo', 'Alpha']);
  // Only one option is in the Tab order, and the row buttons are not.
  await expect(list.locator('[tabindex="0"]')).toHaveCount(1);
  await expect(nav(page).locator('.conv-actions button:not([tabindex="-1"])')).toHaveCount(0);

  await nav(page).getByRole('button', { name: /Search messages too/ }).focus();
  await page.keyboard.press('Tab');
  await expect(list.getByRole('option', { name: 'Delta' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('option', { name: 'Charlie' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('option', { name: 'Bravo' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(list.getByRole('option', { name: 'Alpha' })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(list.getByRole('option', { name: 'Delta' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('option', { name: 'Charlie' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Charlie' })).toBeVisible();
  await expect(list.getByRole('option', { name: 'Charlie' })).toHaveAttribute('aria-selected', 'true');

  // One Tab leaves the list for the next control, Shift+Tab comes back to the same option.
  await list.getByRole('option', { name: 'Charlie' }).focus();
  await page.keyboard.press('Tab');
  expect(await focusedName(page)).not.toMatch(/Alpha|Bravo|Delta|Pin|Rename|Delete/);
  await page.keyboard.press('Shift+Tab');
  await expect(list.getByRole('option', { name: 'Charlie' })).toBeFocused();
  // ↓ from the filter field goes into the list.
  await nav(page).getByRole('searchbox', { name: 'Filter conversations by title' }).press('ArrowDown');
  await expect(list.getByRole('option', { name: 'Charlie' })).toBeFocused();
  // Alt+↓ / Alt+↑ walk the conversations from anywhere.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('heading', { level: 1, name: 'Bravo' })).toBeVisible();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByRole('heading', { level: 1, name: 'Charlie' })).toBeVisible();
});

test('the shortcut list (Ctrl+/), a changed shortcut that is saved and shown, Ctrl+B and text size', async ({ page, ferry }) => {
  await page.goto(ferry.host.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Ferry' })).toBeVisible();
  await page.keyboard.press('Control+/');
  const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(list).toBeVisible();
  await expect(list.getByRole('row', { name: /New chat/ })).toContainText('Ctrl+Shift+O');
  await expect(list.getByRole('row', { name: /Search all conversations/ })).toContainText('Ctrl+K');
  await expect(list.getByRole('row', { name: /This list of shortcuts/ })).toContainText('Ctrl+/');
  await list.getByRole('button', { name: 'Change shortcuts…' }).click();

  const settings = page.getByRole('dialog', { name: 'Settings', exact: true });
  await expect(settings.getByRole('tabpanel', { name: 'Shortcuts' })).toBeVisible();
  const change = settings.getByRole('button', { name: 'Change the shortcut for Search all conversations' });
  await change.click();
  // A bare letter and an input-method switch are refused with the reason.
  await page.keyboard.press('j');
  await expect(settings.getByRole('alert')).toHaveText('J alone would get in the way of typing: add Ctrl (⌘) or Alt.');
  await change.click();
  await page.keyboard.press('Control+Space');
  await expect(settings.getByRole('alert')).toHaveText('Ctrl+Space belongs to the system, the browser or the input method.');
  await change.click();
  await page.keyboard.press('Control+b');
  await expect(settings.getByRole('alert')).toHaveText('Ctrl+B is already used for “Show or hide the sidebar”.');
  await change.click();
  await page.keyboard.press('Control+Shift+F');
  await expect(settings.getByRole('alert')).toContainText('input method');
  await change.click();
  await page.keyboard.press('Control+j');
  await expect(settings.getByRole('row', { name: /Search all conversations/ })).toContainText('Ctrl+J');
  await settings.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(settings.getByRole('status').filter({ hasText: /^Saved\.$/ })).toBeVisible();
  await page.keyboard.press('Escape');

  // Saved in preferences: after a reload Ctrl+J searches, and the tooltip says so; Ctrl+K no longer does.
  await page.reload();
  await expect(nav(page).getByRole('button', { name: /Search messages too/ })).toContainText('Ctrl+J');
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Search conversations' })).toHaveCount(0);
  await page.keyboard.press('Control+j');
  await expect(page.getByRole('dialog', { name: 'Search conversations' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Ctrl+B hides the sidebar and brings it back (remembered), the toggle says its shortcut.
  await page.keyboard.press('Control+b');
  await expect(nav(page)).toHaveCount(0);
  const show = page.getByRole('button', { name: 'Show sidebar' });
  await expect(show).toHaveAttribute('title', 'Show sidebar (Ctrl+B)');
  await page.reload();
  await expect(show).toBeVisible();
  await show.click();
  await expect(nav(page)).toBeVisible();

  // Ctrl + and − change the message text size, Ctrl+0 resets it; saved too.
  const size = () =>
    page.evaluate(() => {
      const box = document.querySelector('.composer-input');
      return box ? getComputedStyle(box).fontSize : null;
    });
  await expect.poll(size).toBe('15px');
  await page.keyboard.press('Control+=');
  await page.keyboard.press('Control+=');
  await expect.poll(size).toBe('17px');
  await page.keyboard.press('Control+-');
  await expect.poll(size).toBe('16px');
  await page.reload();
  await expect.poll(size).toBe('16px');
  await page.keyboard.press('Control+0');
  await expect.poll(size).toBe('15px');
});
