import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { openHistory } from '../../electron/services/storage/open-history';
import { expect, setAppearance, test, type FerryWorld } from './support/fixtures';

/**
 * A 2,000-message conversation opens with the end of its active path (a small first answer from the
 * host), then the rest arrives: the view lands on the last messages, scrolling up reaches the first
 * one, and find and branch switching work over the whole conversation.
 */
const SHOTS = resolve(import.meta.dirname, '../../test-results/screens');
const COUNT = 2000;
const NEEDLES = new Set([5, 1990]);
const text = (i: number) =>
  NEEDLES.has(i)
    ? `Message ${i} hides a zebra-needle here.`
    : i % 2 === 0
      ? `Message ${i}: a question about **item ${i}**?`
      : `Message ${i}: an answer with a list:\n\n- first point of ${i}\n- second point\n\n${'More words in this answer. '.repeat(1 + (i % 4))}`;

/** The long conversation, with an older second answer beside message 1997 (an answer: ‹ 2/2 › there). */
async function seedLong(ferry: FerryWorld): Promise<void> {
  await ferry.host.stop();
  const history = openHistory(join(ferry.dataDir, 'ferry.db'));
  history.createConversation({ title: 'Short one', connectionId: null, model: null });
  const c = history.createConversation({ title: 'Long conversation', connectionId: null, model: null });
  let parentId: string | null = null;
  let leaf = '';
  for (let i = 0; i < COUNT; i++) {
    const m = history.insertMessage({ conversationId: c.id, parentId, role: i % 2 ? 'assistant' : 'user', content: text(i), status: 'done', model: null });
    if (i === 1996) history.insertMessage({ conversationId: c.id, parentId: m.id, role: 'assistant', content: 'The other version of answer 1997.', status: 'done', model: null });
    parentId = leaf = m.id;
  }
  history.setActiveLeaf(c.id, leaf);
  history.close();
  await ferry.restartHost();
}

/** Sizes of the `conversations.get` answers the page receives, in order (window or whole). */
function watchConversationGets(page: Page): { sizes: number[]; windows: (number | null)[] } {
  const seen = { sizes: [] as number[], windows: [] as (number | null)[] };
  const asked = new Map<number, number | null>();
  page.on('websocket', (ws) => {
    ws.on('framesent', (f) => {
      const m = JSON.parse(String(f.payload)) as { id?: number; route?: string; input?: { window?: number } };
      if (m.route === 'conversations.get' && m.id !== undefined) asked.set(m.id, m.input?.window ?? null);
    });
    ws.on('framereceived', (f) => {
      const raw = String(f.payload);
      const m = JSON.parse(raw) as { type?: string; id?: number };
      if (m.type === 'result' && m.id !== undefined && asked.has(m.id)) {
        seen.windows.push(asked.get(m.id)!);
        seen.sizes.push(raw.length);
      }
    });
  });
  return seen;
}

const log = (page: Page) => page.getByRole('log', { name: /^(Messages|消息列表)$/ });
const scroller = (page: Page) => page.locator('.message-scroller');
const inView = (page: Page, name: string) =>
  log(page)
    .locator('article')
    .filter({ hasText: name })
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      const box = el.closest('.message-scroller')!.getBoundingClientRect();
      return r.height > 0 && r.bottom > box.top && r.top < box.bottom;
    })
    .catch(() => false);

/**
 * Scrolls up by wheel until the first message is in view (rows are measured as they come in, so it
 * takes a few tries). A wheel, as a user scrolls: a bare script scroll while rows are still being
 * measured reads as the layout moving the view, which the list undoes while it follows the end.
 */
const scrollToFirst = (page: Page) =>
  expect
    .poll(
      async () => {
        await scroller(page).hover();
        await page.mouse.wheel(0, -10_000_000);
        return inView(page, 'Message 0:');
      },
      { timeout: 20_000 },
    )
    .toBe(true);

test('a 2,000-message conversation opens at its end from a small first answer, then is whole: scroll to the top, find, switch branches', async ({ page, ferry }) => {
  test.setTimeout(120_000);
  await seedLong(ferry);
  const gets = watchConversationGets(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(ferry.host.url);
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('option', { name: 'Long conversation' }).click();

  // The last messages are on screen, the newest at the bottom of the view.
  await expect(log(page).locator('article').last()).toContainText('Message 1999');
  await expect.poll(() => inView(page, 'Message 1999:')).toBe(true);
  // First a window of the path's end (tens of kilobytes), then the whole tree (megabytes).
  await expect.poll(() => gets.windows.length).toBe(2);
  expect(gets.windows[0]).toBeGreaterThan(0);
  expect(gets.windows[1]).toBeNull();
  expect(gets.sizes[0]).toBeLessThan(100_000);
  expect(gets.sizes[1]).toBeGreaterThan(10 * gets.sizes[0]!);
  // Still at the end once the rest has arrived: nothing moved.
  await expect.poll(() => inView(page, 'Message 1999:')).toBe(true);
  await page.screenshot({ path: `${SHOTS}/long-conversation-en.png` });

  // Scrolling to the top reaches the first message (not the first one of the window).
  await scrollToFirst(page);
  await expect(log(page).locator('article').first()).toContainText('Message 0: a question');

  // Find counts over the whole conversation and brings the first match (near the top) into view.
  await page.keyboard.press('Control+f');
  const find = page.getByRole('searchbox', { name: 'Find in this conversation' });
  await find.fill('zebra-needle');
  await expect(page.locator('#find-status')).toHaveText('1 of 2');
  await expect.poll(() => inView(page, 'Message 5 hides')).toBe(true);
  await find.press('Enter');
  await expect(page.locator('#find-status')).toHaveText('2 of 2');
  await expect.poll(() => inView(page, 'Message 1990 hides')).toBe(true);
  await find.press('Escape');

  // Branch switching near the end: the other answer, and the path above it is still whole.
  await scroller(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const answer = log(page).locator('article').filter({ hasText: 'Message 1997:' });
  await expect(answer.getByRole('group', { name: 'Version 2 of 2' })).toBeVisible();
  await answer.getByRole('button', { name: 'Previous version' }).click();
  const other = log(page).locator('article').filter({ hasText: 'The other version of answer 1997.' });
  await expect(other.getByRole('group', { name: 'Version 1 of 2' })).toBeVisible();
  await expect(log(page).locator('article').last()).toContainText('The other version of answer 1997.');
  await scrollToFirst(page);
});

test('the opened long conversation in Chinese: screenshot at its end', async ({ page, ferry }) => {
  await seedLong(ferry);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(ferry.host.url);
  await setAppearance(page, { language: 'zh-CN' });
  await page.getByRole('navigation', { name: '对话列表' }).getByRole('option', { name: 'Long conversation' }).click();
  await expect(log(page).locator('article').last()).toContainText('Message 1999');
  await expect.poll(() => inView(page, 'Message 1999:')).toBe(true);
  await page.screenshot({ path: `${SHOTS}/long-conversation-zh-CN.png` });
});
