import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startWebDavServer, type WebDavServer } from '../integration/support/webdav-server';
import { expect, setUpConnection, test } from './support/fixtures';
import { filesContaining } from './support/files';
import { chooseImportFile, confirmImport, openSync, sampleFiles } from './support/data';
import { startHostProcess, type HostProcess } from './support/web-host-process';

const PASSPHRASE = 'two computers, one history';

/** Settings › Sync filled in and saved the way a user does it. */
async function setUpSync(page: Page, dav: WebDavServer) {
  const dialog = await openSync(page);
  await dialog.getByRole('checkbox', { name: 'Sync this computer through WebDAV' }).check();
  await dialog.getByLabel('WebDAV server address').fill(dav.url);
  await dialog.getByLabel('User name').fill(dav.user);
  await dialog.getByLabel('Password', { exact: true }).fill(dav.pass);
  await dialog.getByLabel('Encryption passphrase').fill(PASSPHRASE);
  await dialog.getByLabel('Folder on the server').fill('Ferry');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: /^Saved\.$/ })).toBeVisible();
  // The secrets left the form for the keychain.
  await expect(dialog.getByLabel('Password', { exact: true })).toHaveValue('');
  await expect(dialog.getByText(/^Saved in the system keychain/).first()).toBeVisible();
  return dialog;
}

async function syncNow(page: Page) {
  const dialog = await openSync(page);
  await dialog.getByRole('button', { name: 'Sync now' }).click();
  const status = dialog.getByRole('status', { name: 'Status' });
  await expect(status).toContainText('Synced.', { timeout: 30_000 });
  return status;
}

/** Every version of the open conversation's last exchange, walked with the switcher. */
async function versionsOfLast(page: Page, role: 'user' | 'assistant') {
  const log = page.getByRole('log', { name: 'Messages' });
  const article = log.locator(`article[data-role="${role}"]`).last();
  const group = article.getByRole('group', { name: /^Version \d+ of \d+$/ });
  const [, at, of] = /^Version (\d+) of (\d+)$/.exec((await group.getAttribute('aria-label')) ?? '') ?? [];
  const count = Number(of);
  for (let i = Number(at); i > 1; i--) {
    await article.getByRole('button', { name: 'Previous version' }).click();
    await expect(group).toHaveAttribute('aria-label', `Version ${i - 1} of ${count}`);
  }
  const texts: string[] = [];
  for (let i = 1; i <= count; i++) {
    await expect(group).toHaveAttribute('aria-label', `Version ${i} of ${count}`);
    texts.push((await log.locator(`article[data-role="${role}"]`).last().locator('.bubble, .markdown').first().innerText()).trim());
    if (i < count) await log.locator(`article[data-role="${role}"]`).last().getByRole('button', { name: 'Next version' }).click();
  }
  return texts;
}

let dav: WebDavServer;
let other: { host: HostProcess; dataDir: string } | null = null;
test.beforeEach(async () => {
  dav = await startWebDavServer();
});
test.afterEach(async () => {
  await other?.host.stop();
  if (other) rmSync(other.dataDir, { recursive: true, force: true });
  other = null;
  await dav.stop();
});

test('two computers through a real WebDAV server: the history arrives encrypted, concurrent edits on both keep both branches', async ({ page, ferry, context }) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'ferry-e2e-b-'));
  other = { dataDir, host: await startHostProcess(dataDir, { FERRY_KEYCHAIN_SERVICE: `${ferry.keychainService}-b`, LANG: 'en_US.UTF-8', LC_ALL: '' }) };
  const a = page;
  const b = await context.newPage();
  await a.goto(ferry.host.url);
  await b.goto(other.host.url);
  for (const p of [a, b]) {
    await setUpConnection(p, { baseUrl: ferry.fixture.url, key: 'sk-sync-e2e-0000', model: 'fixture-model' });
    await p.keyboard.press('Escape');
  }
  await chooseImportFile(a, sampleFiles().chatgptJson);
  await confirmImport(a);

  await setUpSync(a, dav);
  await expect(await syncNow(a)).toContainText(/sent: [1-9]/);
  await setUpSync(b, dav);
  await expect(await syncNow(b)).toContainText(/Changes received: [1-9]\d* · sent: \d+ · other computers: 1\./);
  // The server holds only ciphertext.
  expect(filesContaining(dav.dir, 'capital of France')).toEqual([]);
  expect(filesContaining(dav.dir, 'Capitals and powers')).toEqual([]);

  for (const p of [a, b]) {
    await p.keyboard.press('Escape');
    await p.getByRole('listbox', { name: 'Conversation list' }).getByRole('option', { name: /Capitals and powers/ }).click();
    await expect(p.getByRole('log', { name: 'Messages' })).toContainText('2**10 = 1024.');
  }

  // Both computers continue the same conversation before either syncs: A regenerates, B edits the question.
  ferry.fixture.configure({ text: 'Regenerated on computer A.' });
  const answerA = a.getByRole('log', { name: 'Messages' }).locator('article[data-role="assistant"]').last();
  await answerA.getByRole('button', { name: 'Regenerate' }).click();
  await expect(answerA).toContainText('Regenerated on computer A.');
  await expect(answerA).toHaveAttribute('data-status', 'done');
  ferry.fixture.configure({ text: 'Answer to the question edited on B.' });
  const questionB = b.getByRole('log', { name: 'Messages' }).locator('article[data-role="user"]').last();
  await questionB.hover();
  await questionB.getByRole('button', { name: 'Edit' }).click();
  await questionB.getByRole('textbox', { name: 'Edit your message' }).fill('Edited on computer B');
  await questionB.getByRole('textbox', { name: 'Edit your message' }).press('Enter');
  await expect(b.getByRole('log', { name: 'Messages' }).locator('article[data-role="assistant"]').last()).toContainText('Answer to the question edited on B.');

  // Sync now on both at the same moment, then once more each.
  const both = [a, b].map(async (p) => {
    const dialog = await openSync(p);
    return dialog.getByRole('button', { name: 'Sync now' });
  });
  const [buttonA, buttonB] = await Promise.all(both);
  await Promise.all([buttonA!.click(), buttonB!.click()]);
  await syncNow(a);
  await syncNow(b);
  await syncNow(a);

  for (const p of [a, b]) {
    await p.keyboard.press('Escape');
    await p.getByRole('listbox', { name: 'Conversation list' }).getByRole('option', { name: /Capitals and powers/ }).click();
  }
  // The same tree on both computers: B's edited question beside the original, and under the original A's regeneration beside the imported answer.
  for (const p of [a, b]) {
    const questions = await versionsOfLast(p, 'user');
    expect(questions).toEqual(['Now compute 2**10 in Python, and 中文 too.', 'Edited on computer B']);
    const log = p.getByRole('log', { name: 'Messages' });
    await log.locator('article[data-role="user"]').last().getByRole('button', { name: 'Previous version' }).click();
    const answers = await versionsOfLast(p, 'assistant');
    expect(answers.sort()).toEqual(['2**10 = 1024.', 'Regenerated on computer A.']);
  }
});
