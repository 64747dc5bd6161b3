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

/**
 * From now on, records how far the end is below the view each time the streaming row grows, in that
 * same frame: this observer is made after the app's, so its callback runs after theirs, once the list
 * has its new height and the follow (if any) has scrolled. A follow left to the next frame shows up
 * here as the growth itself (a line or more below the view).
 */
async function watchSameFrameFollow(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __gaps: number[]; __gapObserver: ResizeObserver };
    w.__gaps = [];
    const el = document.querySelector('.message-scroller')!;
    const row = document.querySelector('article[data-role="assistant"][data-status="streaming"]')!.closest('.message-row')!;
    let last = row.getBoundingClientRect().height;
    w.__gapObserver = new ResizeObserver(() => {
      const height = row.getBoundingClientRect().height;
      if (height > last) w.__gaps.push(Math.round(el.scrollHeight - el.scrollTop - el.clientHeight));
      last = height;
    });
    w.__gapObserver.observe(row);
  });
}
const sameFrameGaps = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __gaps: number[]; __gapObserver: ResizeObserver };
    w.__gapObserver.disconnect();
    return w.__gaps;
  });

test('each growth of a followed answer is in view in the frame it is painted, not a frame later', async ({ page, ferry }) => {
  test.setTimeout(150_000);
  await startLongAnswer(page, ferry);
  await watchSameFrameFollow(page);
  await grows(page, 10_000);
  const gaps = await sameFrameGaps(page);
  const behind = gaps.filter((gap) => gap > 1);
  expect(gaps.length).toBeGreaterThan(50);
  // A row can also grow by being measured after a content-visibility placeholder; let a few through.
  expect(behind.length, `growths painted below the view: ${behind.slice(0, 20).join(', ')}`).toBeLessThanOrEqual(Math.ceil(gaps.length * 0.05));
});

/**
 * Records the list's wheel and scroll events from now on, for a failure's message: the wheel-up check
 * failed once in CI (the button never showed) and never on this machine in 35 runs, loaded or not.
 */
async function recordScrolling(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __scrollLog: string[] };
    w.__scrollLog = [];
    const el = document.querySelector('.message-scroller')!;
    const t0 = performance.now();
    const note = (what: string) => {
      const at = Math.round(performance.now() - t0);
      const button = document.querySelector('.scroll-latest') ? ' button' : '';
      w.__scrollLog.push(`${at} ms ${what} top ${Math.round(el.scrollTop)} height ${el.scrollHeight}${button}`);
    };
    el.addEventListener('wheel', (e) => note(`wheel ${(e as WheelEvent).deltaY}`), { capture: true, passive: true });
    el.addEventListener('scroll', () => note('scroll'), { capture: true, passive: true });
  });
}
const scrollingLog = (page: Page) => page.evaluate(() => (window as unknown as { __scrollLog: string[] }).__scrollLog.slice(-60).join('\n'));
/** `check`, with the scroll log in its message when it fails. */
async function withScrollLog(page: Page, check: Promise<void>) {
  try {
    await check;
  } catch (error) {
    throw new Error(`${(error as Error).message}\nwheel and scroll events:\n${await scrollingLog(page)}`);
  }
}

test('scrolling up while an answer streams keeps the view where the user left it; the button brings back the end', async ({ page, ferry }) => {
  test.setTimeout(150_000);
  const { latest } = await startLongAnswer(page, ferry);

  // The wheel up: the view stays put while the answer grows, and the button shows.
  await scroller(page).hover();
  await recordScrolling(page);
  await page.mouse.wheel(0, -800);
  await withScrollLog(page, expect(latest).toBeVisible());
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
  await withScrollLog(page, expect(latest).toBeVisible());
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
  await withScrollLog(page, expect(latest).toBeVisible());
  const draggedTo = await restingTop(page);
  await grows(page, 2_000);
  expect(Math.abs((await scrollTop(page)) - draggedTo)).toBeLessThanOrEqual(1);

  // Scrolling back down to the end: the button goes.
  await scroller(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(latest).toBeHidden();
});
