import type { Page } from '@playwright/test';
import { cutIntoChunks, longAnswer } from '../bench/stream-answer';
import { expect, setUpConnection, test } from './support/fixtures';

/**
 * An answer that streams while the user reads another conversation: main sends the page that
 * conversation's text only (electron/core/event-watch.ts), so none of the background answer's text
 * crosses the bridge; coming back shows what it has written so far, it goes on streaming, and it
 * ends whole.
 */

const nav = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const open = (page: Page, title: string) => nav(page).getByRole('option', { name: title, exact: true }).click();

/** Counts the streamed-text messages the page receives, by conversation. */
function countDeltas(page: Page) {
  const byConversation = new Map<string, number>();
  page.on('websocket', (ws) =>
    ws.on('framereceived', ({ payload }) => {
      const text = typeof payload === 'string' ? payload : payload.toString();
      if (!text.includes('"chat.delta"')) return;
      const { event } = JSON.parse(text) as { event: { payload: { conversationId: string } } };
      byConversation.set(event.payload.conversationId, (byConversation.get(event.payload.conversationId) ?? 0) + 1);
    }),
  );
  return byConversation;
}

test('an answer streaming in a conversation the user left sends the page nothing, and is whole when they come back', async ({ page, ferry }) => {
  test.setTimeout(120_000);
  const deltas = countDeltas(page);
  await page.goto(ferry.host.url);
  await setUpConnection(page, { baseUrl: ferry.fixture.url, key: 'sk-background-0001', model: 'fixture-model' });
  await page.keyboard.press('Escape');
  const composer = page.getByRole('textbox', { name: 'Message' });
  const reply = page.locator('article[data-role="assistant"]').last();

  // A short conversation to go to.
  ferry.fixture.configure({ text: 'A short answer.', chunkDelayMs: 1 });
  await composer.fill('Short question');
  await composer.press('Enter');
  await expect(reply).toHaveAttribute('data-status', 'done');

  // A long answer in a new chat (~25 s).
  await page.getByRole('button', { name: 'New chat' }).click();
  const answer = longAnswer();
  ferry.fixture.configure({ text: answer.text, chunks: cutIntoChunks(answer.text, 40), steady: true, chunkDelayMs: 12 });
  await composer.fill('Long answer please');
  await composer.press('Enter');
  await expect(reply).toHaveAttribute('data-status', 'streaming');
  await expect(reply).toContainText(answer.markers[2]!, { timeout: 30_000 });
  // The conversation with the most streamed messages so far is the long one.
  const longId = [...deltas.entries()].sort((x, y) => y[1] - x[1])[0]?.[0];
  expect(longId).toBeDefined();

  // Reading the short one: the long answer goes on, and none of its text reaches the page.
  await open(page, 'Short question');
  await expect(reply).toContainText('A short answer.');
  await page.waitForTimeout(500);
  const whileAway = deltas.get(longId!)!;
  await page.waitForTimeout(3_000);
  expect(deltas.get(longId!), 'streamed text of the conversation the page does not show').toBe(whileAway);

  // Back: what it wrote meanwhile is there, and it streams on to a whole answer.
  await open(page, 'Long answer please');
  await expect(reply).toHaveAttribute('data-status', 'streaming');
  await expect.poll(() => deltas.get(longId!), { timeout: 10_000 }).toBeGreaterThan(whileAway);
  await expect(reply).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  const shown = await reply.evaluate((el) => el.textContent ?? '');
  for (const marker of answer.markers) expect(shown, marker).toContain(marker);
});
