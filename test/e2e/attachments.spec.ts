import { truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestRecord } from '../fixture';
import { sentTurns } from '../fixture/content-parts';
import { corruptPdf, sampleExe, sampleImage, samplePdf } from '../support/sample-files';
import { dropFiles, pasteFiles } from './support/file-events';
import { expect, setUpConnection, test } from './support/fixtures';

const chats = (requests: RequestRecord[]) => requests.filter((r) => r.path === '/v1/chat/completions');

test('paste a screenshot, drop a PDF, send both, and find them after a host restart', async ({ page, ferry }) => {
  await page.goto(ferry.host.url);
  await setUpConnection(page, { baseUrl: ferry.fixture.url, key: 'sk-attach-e2e', model: 'fixture-model', name: 'Fixture' });
  await page.keyboard.press('Escape');

  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.click();
  await pasteFiles(page, 'textarea[aria-label="Message"]', [{ name: 'image.png', type: 'image/png', bytes: await sampleImage('png', 1600, 900) }]);
  await dropFiles(page, 'main', [
    { name: '周报.pdf', type: 'application/pdf', bytes: await samplePdf(['第一页：本周完成了附件功能。', 'Page two: next week, assistants.']) },
  ]);
  const tray = page.getByRole('group', { name: 'Attachments' });
  await expect(tray.getByRole('button', { name: /^View screenshot-.*\.png$/ })).toBeVisible();
  await expect(tray.getByText('周报.pdf')).toBeVisible();
  // The token estimate shows before anything is sent, once the host has read the PDF (real pdf.js
  // work: seconds on a loaded machine, so more than the default 5 s).
  await expect(tray.getByText(/2 pages · ≈ \d+ tokens/)).toBeVisible({ timeout: 30_000 });
  await expect(tray.getByText(/Attachments add ≈ [\d,]+ tokens/)).toBeVisible();

  await composer.fill('What do these say?');
  await composer.press('Enter');
  const log = page.getByRole('log', { name: 'Messages' });
  await expect(log.locator('article[data-role="assistant"]').last()).toHaveAttribute('data-status', 'done');
  await expect(tray).toBeHidden();

  // What went upstream: the text with the PDF's pages, and the screenshot as an image part.
  const [turn] = sentTurns(chats(ferry.fixture.requests).at(-1)!.body);
  expect(turn!.parts).toBe(true);
  expect(turn!.text).toContain('What do these say?');
  expect(turn!.text).toContain('[Page 1]\n第一页：本周完成了附件功能。');
  expect(turn!.images).toHaveLength(1);
  expect(turn!.images[0]!.mime).toBe('image/png');

  await ferry.restartHost();
  await page.goto(ferry.host.url);
  await page.getByRole('navigation', { name: 'Conversations' }).getByText('What do these say?').click();
  const user = log.locator('article[data-role="user"]').first();
  await expect(user.getByRole('img', { name: /^Attached image screenshot-/ })).toBeVisible();
  await expect(user.getByText('周报.pdf')).toBeVisible();
  // The full-size image comes from the data folder.
  await user.getByRole('button', { name: /^View screenshot-/ }).click();
  const viewer = page.getByRole('dialog');
  await expect(viewer.getByRole('img')).toHaveJSProperty('naturalWidth', 1600);
  await page.keyboard.press('Escape');
});

test('odd files get clear messages in the composer, and the conversation goes on', async ({ page, ferry }) => {
  await page.goto(ferry.host.url);
  await setUpConnection(page, { baseUrl: ferry.fixture.url, key: 'sk-attach-e2e', model: 'fixture-model', name: 'Fixture' });
  await page.keyboard.press('Escape');
  const picker = page.getByTestId('attach-input');
  await picker.setInputFiles([
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    { name: 'setup.pdf', mimeType: 'application/pdf', buffer: sampleExe() },
    { name: 'broken.pdf', mimeType: 'application/pdf', buffer: corruptPdf() },
  ]);
  const tray = page.getByRole('group', { name: 'Attachments' });
  await expect(tray.getByText('“empty.txt” is empty (0 bytes).')).toBeVisible();
  await expect(tray.getByText('“setup.pdf” is a program, not a document or an image. Ferry doesn’t send programs.')).toBeVisible();
  await expect(tray.getByText('“broken.pdf” seems damaged, or isn’t what its name says.')).toBeVisible();

  // 200 MB (a sparse file): refused by its size before a byte is read.
  const huge = join(ferry.dataDir, 'movie.mp4');
  writeFileSync(huge, '');
  truncateSync(huge, 200 * 1024 * 1024);
  await picker.setInputFiles(huge);
  await expect(tray.getByText('“movie.mp4” is too large. Files can be up to 32.0 MB.')).toBeVisible();

  // A file the browser can no longer read. Permission bits would not stop root (CI runs as root), so
  // the file changes while it is read: Chromium then refuses the rest of it (NotReadableError), as
  // it does for a file it may not open.
  const log = join(ferry.dataDir, 'server.log');
  writeFileSync(log, 'x'.repeat(20 * 1024 * 1024));
  await picker.setInputFiles(log);
  utimesSync(log, new Date(), new Date(Date.now() + 60_000));
  await expect(tray.getByText('Couldn’t read “server.log” from your disk. Check that you may open it and that it still exists.')).toBeVisible({ timeout: 20_000 });

  for (const name of ['empty.txt', 'setup.pdf', 'broken.pdf', 'movie.mp4', 'server.log']) await tray.getByRole('button', { name: `Remove ${name}` }).click();
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Still fine?');
  await composer.press('Enter');
  await expect(page.locator('article[data-role="assistant"]').last()).toHaveAttribute('data-status', 'done');
});
