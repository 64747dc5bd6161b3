import { cutIntoChunks } from '../bench/stream-answer';
import { noBlankLines, paragraphs } from '../bench/pathological';
import { expect, setUpConnection, test, type FerryWorld } from './support/fixtures';
import type { Locator, Page } from '@playwright/test';

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

/** The answer on screen: these elements counted, no plain-text fallback, and all of `source`'s letters in order. */
async function expectComplete(md: Locator, counts: Record<string, number>, source: string) {
  const shown = await md.evaluate(
    (el, selectors) => ({
      text: el.textContent ?? '',
      counts: Object.fromEntries(selectors.map((s) => [s, el.querySelectorAll(s).length])),
      plain: el.querySelectorAll('.md-plain').length,
    }),
    Object.keys(counts),
  );
  expect(shown.counts).toEqual(counts);
  expect(shown.plain).toBe(0);
  expect(squash(shown.text).length).toBe(squash(source).length);
  expect(squash(shown.text) === squash(source)).toBe(true);
}

test('a 2 MB answer without a blank line renders completely', async ({ page, ferry }) => {
  const answer = noBlankLines();
  const md = await streamAnswer(page, ferry, answer.text, 1_000);
  const lines = answer.text.split('\n');
  await expectComplete(
    md,
    { h3: lines.filter((l) => l.startsWith('### ')).length, li: lines.filter((l) => l.startsWith('- ')).length },
    lines.map((l) => l.replace(/^(### |- )/, '')).join('\n'),
  );
});

test('a 10 MB answer in paragraphs renders completely', async ({ page, ferry }) => {
  const answer = paragraphs();
  const md = await streamAnswer(page, ferry, answer.text, 5_000);
  const parts = answer.text.split('\n\n');
  const headings = parts.filter((p) => p.startsWith('## ')).length;
  await expectComplete(md, { h2: headings, p: parts.length - headings }, parts.map((p) => p.replace(/^## /, '')).join(''));
});
