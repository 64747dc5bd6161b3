import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Changes a preference the way a user does: Settings, the select, Esc. */
export async function choosePreference(page: Page, label: RegExp, value: string) {
  await page.getByRole('button', { name: /^(Settings|设置)$/ }).click();
  const dialog = page.getByRole('dialog', { name: /^(Settings|设置)$/ });
  await dialog.getByRole('combobox', { name: label }).selectOption(value);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}
