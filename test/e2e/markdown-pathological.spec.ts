import { cutIntoChunks } from '../bench/stream-answer';
import { noBlankLines, paragraphs } from '../bench/pathological';
import { expect, setUpConnection, test, type FerryWorld } from './support/fixtures';
import type { Page } from '@playwright/test';

/**
 * The benchmark's pathological answers, streamed through the browser host into the Markdown
 * worker: every character arrives on screen as rendered Markdown (no source syntax left, nothing
 * dropped by the size limits that keep each update cheap), headings and list items intact.
 */
test.describe.configure({ timeout: 240_000 });

/** Letters only: what must be on screen, whatever the line breaks and block boundaries became. */
const squash = (s: string) => s.replace(/\s+/g, '');

async function streamAnswer(page: Page, ferry: FerryWorld, text: string, chunkChars: number) {
  await page.goto(ferry.host.url);
  await setUpConnection(page, { baseUrl: ferry.fixture.url, key: 'sk-path-0001', model: 'fixture-model' });
  await page.keyboard.press('Escape');
  ferry.fixture.configure({ text, chunks: cutIntoChunks(text, chunkChars), chunkDelayMs: 1 });
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('A very long answer, please');
  await composer.press('Enter');
  const reply = page.locator('article[data-role="assistant"]').last();
  await expect(reply).toHaveAttribute('data-status', 'done', { timeout: 180_000 });
  const md = reply.locator('.markdown');
  await expect(md).not.toHaveAttribute('data-md-pending', { timeout: 60_000 });
  return md;
}

test('a 2 MB answer without a blank line renders completely', async ({ page, ferry }) => {
  const answer = noBlankLines();
  const md = await streamAnswer(page, ferry, answer.text, 1_000);
  const lines = answer.text.split('\n');
  const shown = await md.evaluate((el) => ({
    text: el.textContent ?? '',
    h3: el.querySelectorAll('h3').length,
    items: el.querySelectorAll('li').length,
    plain: el.querySelectorAll('.md-plain').length,
  }));
  expect(shown.h3).toBe(lines.filter((l) => l.startsWith('### ')).length);
  expect(shown.items).toBe(lines.filter((l) => l.startsWith('- ')).length);
  expect(shown.plain).toBe(0);
  const source = lines.map((l) => l.replace(/^(### |- )/, '')).join('\n');
  expect(squash(shown.text).length).toBe(squash(source).length);
  expect(squash(shown.text) === squash(source)).toBe(true);
});

test('a 10 MB answer in paragraphs renders completely', async ({ page, ferry }) => {
  const answer = paragraphs();
  const md = await streamAnswer(page, ferry, answer.text, 5_000);
  const parts = answer.text.split('\n\n');
  const shown = await md.evaluate((el) => ({
    text: el.textContent ?? '',
    h2: el.querySelectorAll('h2').length,
    p: el.querySelectorAll('p').length,
    plain: el.querySelectorAll('.md-plain').length,
  }));
  const headings = parts.filter((p) => p.startsWith('## ')).length;
  expect(shown.h2).toBe(headings);
  expect(shown.p).toBe(parts.length - headings);
  expect(shown.plain).toBe(0);
  const source = parts.map((p) => p.replace(/^## /, '')).join('');
  expect(squash(shown.text).length).toBe(squash(source).length);
  expect(squash(shown.text) === squash(source)).toBe(true);
});
