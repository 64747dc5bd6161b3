import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { writeSamples } from '../../fixture/data/write';

const sampleFolders: string[] = [];
// A test run leaves no folders behind: the worker removes what it wrote when it exits.
process.once('exit', () => {
  for (const dir of sampleFolders) rmSync(dir, { recursive: true, force: true });
});

/** Real-shaped export files of the apps Ferry imports from, written to a temp folder of their own. */
export function sampleFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-e2e-samples-'));
  sampleFolders.push(dir);
  return writeSamples(dir);
}

/** Settings › <section> the way a user gets there (English or Chinese labels). */
export async function openSettingsSection(page: Page, section: RegExp) {
  const dialog = page.getByRole('dialog', { name: /^(Settings|设置)$/ });
  if (!(await dialog.isVisible())) await page.getByRole('button', { name: /^(Settings|设置)/ }).first().click();
  await dialog.getByRole('tab', { name: section }).click();
  return dialog;
}

export const openData = (page: Page) => openSettingsSection(page, /^(Data|数据)$/);
export const openSync = (page: Page) => openSettingsSection(page, /^(Sync|同步)$/);

/** Picks `file` with the import's "Choose a file…" button (a real file chooser). */
export async function chooseImportFile(page: Page, file: string) {
  const dialog = await openData(page);
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: /^(Choose a file…|选择文件…)$/ }).click();
  await (await chooser).setFiles(file);
  return dialog;
}

/** Drops `file` on the window the way a file manager does: dragenter, dragover, drop with a DataTransfer. */
export async function dropFile(page: Page, file: string, target = 'main') {
  const bytes = readFileSync(file).toString('base64');
  const transfer = await page.evaluateHandle(
    ({ name, data }) => {
      const raw = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([raw], name, { type: 'application/json' }));
      return dt;
    },
    { name: basename(file), data: bytes },
  );
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent(target, type, { dataTransfer: transfer });
}

/** Waits for the preview, clicks Import and waits for the result line. */
export async function confirmImport(page: Page) {
  const dialog = page.getByRole('dialog', { name: /^(Settings|设置)$/ });
  await dialog.getByRole('button', { name: /^(Import|导入)$/, exact: true }).click();
  const result = dialog.getByRole('status').filter({ hasText: /Import finished|Nothing new|导入完成|没有新内容/ });
  await expect(result).toBeVisible();
  return result;
}
