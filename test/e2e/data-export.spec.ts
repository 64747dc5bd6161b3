import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, setUpConnection, test } from './support/fixtures';
import { chooseImportFile, confirmImport, openData, sampleFiles } from './support/data';

const KEY = 'sk-never-in-a-backup-4321';

/** Clicks `button`, saves the download it starts under the test's output folder; returns its name and text. */
async function downloaded(page: Page, button: Locator, dir: string): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await button.click();
  const file = await download;
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

test('export everything, import it again: nothing is duplicated and no key is in the file', async ({ page, ferry }, info) => {
  const files = sampleFiles();
  await page.goto(ferry.host.url);
  await setUpConnection(page, { baseUrl: ferry.fixture.url, key: KEY, model: 'fixture-model', name: 'Fixture' });
  await chooseImportFile(page, files.chatgptJson);
  await confirmImport(page);
  const dialog = await openData(page);

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export everything' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^ferry-backup-\d{8}T\d{6}Z\.json$/);
  const saved = join(info.outputDir, file.suggestedFilename());
  await file.saveAs(saved);
  await expect(dialog.getByRole('status').filter({ hasText: 'Ferry backup saved to your downloads' })).toContainText('conversations: 2');
  const text = readFileSync(saved, 'utf8');
  expect(text).toContain('Capitals and powers');
  expect(text).toContain('"name":"Fixture"');
  expect(text).not.toContain(KEY);

  await chooseImportFile(page, saved);
  const preview = dialog.locator('.import-preview');
  await expect(preview.getByRole('heading', { name: 'Ready to import from a Ferry backup' })).toBeVisible();
  await expect(preview).toContainText('2 already in Ferry');
  await expect(preview).toContainText('0 new');
  await expect(dialog.getByText('Everything in this file is already in Ferry: importing it again adds nothing.')).toBeVisible();
  await expect(await confirmImport(page)).toHaveText('Nothing new: everything in this file was already in Ferry.');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox', { name: 'Conversation list' }).getByRole('option')).toHaveCount(2);
});

test('one conversation as a web page or Markdown, from the open conversation', async ({ page, ferry }, info) => {
  const files = sampleFiles();
  await page.goto(ferry.host.url);
  await chooseImportFile(page, files.chatgptJson);
  await confirmImport(page);
  await page.keyboard.press('Escape');
  await page.getByRole('listbox', { name: 'Conversation list' }).getByRole('option', { name: /Capitals and powers/ }).click();
  const dialog = await openData(page);
  await expect(dialog.getByRole('combobox', { name: 'Conversation' })).toHaveValue(/.+/);
  await expect(dialog.getByRole('combobox', { name: 'Conversation' }).locator('option:checked')).toHaveText('Capitals and powers');
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('html');
  const html = await downloaded(page, dialog.getByRole('button', { name: 'Export conversation' }), info.outputDir);
  expect(html.name).toBe('Capitals and powers.html');
  expect(html.text).toContain('The capital of France is Paris.');
  expect(html.text).not.toMatch(/<script/i);
  await expect(dialog.getByRole('status').filter({ hasText: 'Saved “Capitals and powers.html” to your downloads.' })).toBeVisible();

  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('markdown');
  const md = await downloaded(page, dialog.getByRole('button', { name: 'Export conversation' }), info.outputDir);
  expect(md.text).toContain('2**10 = **1024**.');
});

test('the chat header exports the open conversation', async ({ page, ferry }, info) => {
  const files = sampleFiles();
  await page.goto(ferry.host.url);
  await chooseImportFile(page, files.chatgptJson);
  await confirmImport(page);
  await page.keyboard.press('Escape');
  await page.getByRole('listbox', { name: 'Conversation list' }).getByRole('option', { name: /Capitals and powers/ }).click();
  await page.locator('.chat-header').getByRole('button', { name: 'Export this conversation' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export this conversation' });
  const json = await downloaded(page, dialog.getByRole('button', { name: 'JSON (every version)' }), info.outputDir);
  expect(json.name).toBe('Capitals and powers.json');
  // Every version, not only the one on screen.
  expect(json.text).toContain('"Paris."');
  expect(json.text).toContain('The capital of France is Paris.');
  await expect(dialog.getByRole('status')).toHaveText('Saved “Capitals and powers.json” to your downloads.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.locator('.chat-header').getByRole('button', { name: 'Export this conversation' })).toBeFocused();
});

test('back up now, restore it: later changes go, the state before the restore is kept as a backup', async ({ page, ferry }) => {
  const files = sampleFiles();
  await page.goto(ferry.host.url);
  await chooseImportFile(page, files.chatgptJson);
  await confirmImport(page);
  const dialog = await openData(page);
  const list = dialog.getByRole('list', { name: 'Backups on this computer' });
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: /^Backup made:/ })).toBeVisible();
  await expect(list.getByRole('listitem').filter({ hasText: 'Made by hand' })).toHaveCount(1);

  await chooseImportFile(page, files.chatbox);
  await confirmImport(page);
  await page.keyboard.press('Escape');
  const conversations = page.getByRole('listbox', { name: 'Conversation list' }).getByRole('option');
  // The sidebar reloads after the import: wait for it rather than count what is there now.
  await expect.poll(() => conversations.count()).toBeGreaterThan(2);

  await openData(page);
  await list.getByRole('listitem').filter({ hasText: 'Made by hand' }).getByRole('button', { name: /^Restore the backup from/ }).click();
  const ask = page.getByRole('alertdialog', { name: /^Restore the backup from/ });
  await expect(ask).toContainText('What you have now is saved as one more backup first.');
  await ask.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: /^Restored the backup from/ })).toContainText('Before a restore');
  await expect(list.getByRole('listitem').filter({ hasText: 'Before a restore' })).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(conversations).toHaveCount(2);

  // Backup settings are saved like every other section.
  await openData(page);
  await dialog.getByRole('checkbox', { name: 'Back up automatically every day' }).uncheck();
  await dialog.getByLabel('Daily backups to keep').fill('0');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Type a number from 1 to 365.' })).toBeVisible();
  await dialog.getByLabel('Daily backups to keep').fill('3');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: /^Saved\.$/ })).toBeVisible();
  await page.reload();
  await openData(page);
  await expect(dialog.getByRole('checkbox', { name: 'Back up automatically every day' })).not.toBeChecked();
  await expect(dialog.getByLabel('Daily backups to keep')).toHaveValue('3');
});
