import type { Page } from '@playwright/test';
import { expect, setUpConnection, test } from './support/fixtures';

/**
 * The end of a streamed answer (`chat.end`) carries no text. A page that got every delta finishes
 * the answer from them without asking main for anything; a page that missed some (here: the
 * bridge's frames are dropped on their way in) fetches the message and shows all of it.
 */

/** Passes the page's bridge through, dropping deltas while `drop.on`; records the routes the page calls. */
async function routeBridge(page: Page) {
  const drop = { on: false, dropped: 0 };
  const routes: string[] = [];
  await page.routeWebSocket(/.*/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((m) => {
      const route = typeof m === 'string' ? (JSON.parse(m) as { route?: string }).route : undefined;
      if (route) routes.push(route);
      server.send(m);
    });
    server.onMessage((m) => {
      if (drop.on && typeof m === 'string' && m.includes('"name":"chat.delta"')) {
        drop.dropped += 1;
        return;
      }
      ws.send(m);
    });
  });
  return { drop, routes };
}

const words = (tag: string) => Array.from({ length: 30 }, (_, i) => `${tag}${i} `);

test('an answer ends with its whole text whether the page got every delta or missed the last ones', async ({ page, ferry }) => {
  const { drop, routes } = await routeBridge(page);
  await page.goto(ferry.host.url);
  const dialog = await setUpConnection(page, { baseUrl: ferry.fixture.url, key: 'sk-e2e-stream-end', model: 'fixture-model' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const composer = page.getByRole('textbox', { name: 'Message' });
  const log = page.getByRole('log', { name: 'Messages' });

  // Every delta arrives: the end settles the answer from them, no message is fetched.
  ferry.fixture.configure({ chunks: words('alpha'), chunkDelayMs: 40 });
  await composer.fill('First question');
  await composer.press('Enter');
  const first = log.locator('article[data-role="assistant"]').last();
  await expect(first).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
  await expect(first.locator('.markdown')).toHaveText(words('alpha').join('').trim());
  expect(routes).not.toContain('messages.get');

  // The deltas after the first few never reach the page: no later delta shows a gap, so only the
  // end's lengths tell the page its text is short, and it fetches the message.
  ferry.fixture.configure({ chunks: words('beta'), chunkDelayMs: 40 });
  await composer.fill('Second question');
  await composer.press('Enter');
  const second = log.locator('article[data-role="assistant"]').last();
  await expect(second).toContainText('beta3');
  drop.on = true;
  await expect(second).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
  await expect(second.locator('.markdown')).toHaveText(words('beta').join('').trim());
  expect(drop.dropped).toBeGreaterThan(5);
  expect(routes.filter((r) => r === 'messages.get')).toHaveLength(1);
});
