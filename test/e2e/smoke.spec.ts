import { expect, test } from '@playwright/test';

// Placeholder proving the harness drives the system Chromium; real specs live next to it.
test('the system Chromium renders a page', async ({ page }) => {
  await page.setContent('<button>ok</button>');
  await expect(page.getByRole('button', { name: 'ok' })).toBeVisible();
});
