import type { Page } from '@playwright/test';
import { cutIntoChunks, longAnswer } from '../bench/stream-answer';
import { expect, setUpConnection, test } from './support/fixtures';

/**
 * The view follows a streaming answer to its end unless the user scrolls up: by wheel or by moving the
 * scroll position (a scrollbar drag, the keyboard); then it stays where they left it while the answer
 * grows and the "Scroll to latest" button shows; the button brings the end back. Following is checked
 * on every frame while it should hold: the button never shows by itself. The view is also clamped up
 * now and then by the layout (follow-rule.ts): the first test, following to the very end, catches that.
 */

const scroller = (page: Page) => page.locator('.message-scroller');
const fromEnd = (page: Page) => scroller(page).evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
const scrollTop = (page: Page) => scroller(page).evaluate((el) => el.scrollTop);
/** Where the view came to rest: a wheel or key scroll is animated, and on a busy machine it runs for a while. */
async function restingTop(page: Page) {
  let last = await scrollTop(page);
  await expect
    .poll(async () => {
      const now = await scrollTop(page);
      const still = now === last;
      last = now;
      return still;
    }, { intervals: [150] })
    .toBe(true);
  return last;
}
const shownChars = (page: Page) => page.locator('article[data-role="assistant"]').last().evaluate((el) => (el.textContent ?? '').length);

/** Waits until the answer on screen is `more` characters longer than now. */
async function grows(page: Page, more: number) {
  const now = await shownChars(page);
  await expect.poll(() => shownChars(page), { timeout: 30_000 }).toBeGreaterThan(now + more);
}

/** From now on, counts frames on which the view was meant to follow but the button showed or the end was out of view. */
async function watchFollowing(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __lost: string[]; __watch: boolean };
    w.__lost = [];
    w.__watch = true;
    const el = document.querySelector('.message-scroller')!;
    // Checked after each ResizeObserver delivery settles: the frame's last word on where the view is.
    const check = () => {
      if (!w.__watch) return;
      const gap = el.scrollHeight - el.scrollTop - el.clientHeight;
      if (document.querySelector('.scroll-latest')) w.__lost.push(`button shown (gap ${gap})`);
      requestAnimationFrame(() => setTimeout(check, 0));
    };
    check();
  });
}
const lost = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __lost: string[]; __watch: boolean };
    w.__watch = false;
    return w.__lost;
  });

async function startLongAnswer(page: Page, ferry: { host: { url: string }; fixture: { url: string; configure(c: object): void } }) {
  const answer = longAnswer();
  await page.goto(ferry.host.url);
  await setUpConnection(page, { baseUrl: ferry.fixture.url, key: 'sk-follow-0001', model: 'fixture-model' });
  await page.keyboard.press('Escape');
  // ~40 s of answer: long enough for each step to see it grow.
  ferry.fixture.configure({ text: answer.text, chunks: cutIntoChunks(answer.text, 20), steady: true, chunkDelayMs: 10 });
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Write the long walkthrough');
  await composer.press('Enter');
  const reply = page.locator('article[data-role="assistant"]').last();
  await expect(reply).toHaveAttribute('data-status', 'streaming');
  await expect.poll(() => scroller(page).evaluate((el) => el.scrollHeight > 3 * el.clientHeight), { timeout: 30_000 }).toBe(true);
  return { answer, reply, latest: page.getByRole('button', { name: 'Scroll to latest' }) };
}

test('a streaming answer is followed to its end without the user doing anything', async ({ page, ferry }) => {
  test.setTimeout(150_000);
  const { answer, reply, latest } = await startLongAnswer(page, ferry);
  await watchFollowing(page);
  await grows(page, 20_000);
  expect(await lost(page)).toEqual([]);
  await expect.poll(() => fromEnd(page), { timeout: 30_000 }).toBeLessThanOrEqual(48);
  await expect(reply).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(reply).toContainText(answer.markers.at(-1)!);
  await expect.poll(() => fromEnd(page), { timeout: 30_000 }).toBeLessThanOrEqual(48);
  await expect(latest).toBeHidden();
});

test('scrolling up while an answer streams keeps the view where the user left it; the button brings back the end', async ({ page, ferry }) => {
  test.setTimeout(150_000);
  const { latest } = await startLongAnswer(page, ferry);

  // The wheel up: the view stays put while the answer grows, and the button shows.
  await scroller(page).hover();
  await page.mouse.wheel(0, -800);
  await expect(latest).toBeVisible();
  const readAt = await restingTop(page);
  await grows(page, 2_000);
  expect(Math.abs((await scrollTop(page)) - readAt)).toBeLessThanOrEqual(1);
  await expect(latest).toBeVisible();

  // The button: back to the end.
  await latest.click();
  await expect(latest).toBeHidden();
  await expect.poll(() => fromEnd(page), { timeout: 30_000 }).toBeLessThanOrEqual(48);

  // The keyboard (the list last clicked scrolls; the click lands in the list's margin): the same as the wheel.
  const box = (await scroller(page).boundingBox())!;
  await page.mouse.click(box.x + 4, box.y + box.height / 2);
  // Later than the moment the click alone counts for (follow-rule.ts INTENT_MS): the key is what scrolls.
  await page.waitForTimeout(1_500);
  await page.keyboard.press('PageUp');
  await expect(latest).toBeVisible();
  const keptAt = await restingTop(page);
  await grows(page, 2_000);
  expect(Math.abs((await scrollTop(page)) - keptAt)).toBeLessThanOrEqual(1);

  await latest.click();
  await expect(latest).toBeHidden();
  await expect.poll(() => fromEnd(page), { timeout: 30_000 }).toBeLessThanOrEqual(48);

  // A scroll made while a pointer is held on the list (a scrollbar drag; headless Chromium hides the
  // scrollbar itself, so the scroll is made by script between the press and the release).
  await page.mouse.move(box.x + box.width - 4, box.y + box.height / 2);
  await page.mouse.down();
  // A drag held longer than the moment a press alone counts for (follow-rule.ts INTENT_MS).
  await page.waitForTimeout(1_500);
  await scroller(page).evaluate((el) => el.scrollBy({ top: -900 }));
  await page.mouse.up();
  await expect(latest).toBeVisible();
  const draggedTo = await restingTop(page);
  await grows(page, 2_000);
  expect(Math.abs((await scrollTop(page)) - draggedTo)).toBeLessThanOrEqual(1);

  // Scrolling back down to the end: the button goes.
  await scroller(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(latest).toBeHidden();
});
