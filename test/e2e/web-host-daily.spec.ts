import { expect, setUpConnection, test } from './support/fixtures';
import { freePort } from './support/ports';

test('a stable address: the same --token and --port after a crash, and the open page marks the cut answer interrupted', async ({ page, ferry }) => {
  const port = await freePort();
  const token = `stable-token-${Date.now()}`;
  const args = ['--port', String(port), '--token', token];
  const host = await ferry.restartHost(args);
  expect(host.url).toBe(`http://127.0.0.1:${port}/?token=${token}`);
  await page.goto(host.url);
  // The favicon is served; nothing on the page fails to load.
  const favicon = await page.request.get(`http://127.0.0.1:${port}/favicon.svg`);
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()['content-type']).toContain('image/svg+xml');
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', './favicon.svg');

  await setUpConnection(page, { baseUrl: ferry.fixture.url, key: 'sk-stable-1234', model: 'fixture-model' });
  await page.keyboard.press('Escape');
  ferry.fixture.configure({ text: 'Streaming words keep coming. ', repeat: 400, chunkDelayMs: 30 });
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('A long one');
  await composer.press('Enter');
  const answer = page.locator('article[data-role="assistant"]');
  await expect(answer).toContainText('Streaming words', { timeout: 10_000 });
  await page.waitForTimeout(800);

  await ferry.host.kill();
  // The page stays open: the answer is no longer shown as streaming (no Stop, no endless timer).
  await expect(page.getByRole('alert').filter({ hasText: /Disconnected from Ferry host|Can’t reach the Ferry host/ })).toBeVisible();
  await expect(answer).toHaveAttribute('data-status', 'interrupted');
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0);

  // Same port, same token: the open page reconnects by itself and reads the stored truth.
  await ferry.restartHost(args);
  // The page retries by itself too; on a slow start it may already be back before the click.
  await page
    .getByRole('button', { name: 'Reconnect now' })
    .click({ timeout: 3_000 })
    .catch(() => undefined);
  await expect(page.getByRole('alert').filter({ hasText: 'Ferry host' })).toHaveCount(0, { timeout: 20_000 });
  await expect(answer).toHaveAttribute('data-status', 'interrupted');
  await expect(answer.getByRole('button', { name: 'Continue' })).toBeVisible();
  await expect(answer).toContainText('Streaming words keep coming.');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'A long one' })).toBeVisible();
  await expect(answer).toHaveAttribute('data-status', 'interrupted');
});

test('--token gives the same address a user can bookmark; a weak token is refused', async ({ ferry }) => {
  const port = await freePort();
  const first = await ferry.restartHost(['--port', String(port), '--token', 'bookmarkable-token-0001']);
  const second = await ferry.restartHost(['--port', String(port), '--token', 'bookmarkable-token-0001']);
  expect(second.url).toBe(first.url);
  const refused = await ferry.restartHost(['--token', 'short']).catch((e: Error) => e);
  expect(String(refused)).toMatch(/16 to 256 characters/);
});
