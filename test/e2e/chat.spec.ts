import { replyText } from '../fixture';
import { filesContaining } from './support/files';
import { expect, setUpConnection, test } from './support/fixtures';

test('set up a connection, chat with streaming, stop, and find the history after reload and restart', async ({ page, ferry }) => {
  const key = `sk-e2e-${Date.now()}-Zq9x`;
  const received: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => received.push(String(f.payload))));

  await page.goto(ferry.host.url);
  // The token leaves the visible address once the page holds it.
  await expect(page).not.toHaveURL(/token=/);

  const dialog = await setUpConnection(page, { baseUrl: ferry.fixture.url, key, model: 'fixture-model', name: 'Fixture' });
  // The live preview shows where requests go; the key is never shown back, only its last 4 characters.
  await expect(dialog.getByText(`${ferry.fixture.url}/v1/chat/completions`)).toBeVisible();
  await expect(dialog.getByText(/Zq9x/)).toBeVisible();
  await expect(dialog.getByLabel('API key', { exact: true })).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // A long, slow answer: watch it stream in, then stop it.
  ferry.fixture.configure({ repeat: 40, chunkDelayMs: 25 });
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Tell me a long story');
  await composer.press('Enter');
  const log = page.getByRole('log', { name: 'Messages' });
  const answer = log.locator('article[data-role="assistant"]').last();
  await expect(answer).toHaveAttribute('data-status', 'streaming');
  await expect(answer).toContainText('Fixture', { timeout: 10_000 });
  const early = (await answer.innerText()).length;
  await expect.poll(async () => (await answer.innerText()).length).toBeGreaterThan(early);

  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(answer).toHaveAttribute('data-status', 'stopped');
  const closed = await ferry.fixture.waitForClientClose(3_000);
  expect(closed.closedByClient).toBe(true);
  // The visible characters of an answer; whitespace differs between the streaming and the one-pass renderer.
  const answerText = async (article: typeof answer) => ((await article.locator('.markdown').textContent()) ?? '').replace(/\s+/g, '');
  const partial = await answerText(answer);
  expect(partial.length).toBeGreaterThan(10);

  // A short answer that completes; Esc is not needed, Enter sends again.
  ferry.fixture.configure({ repeat: 1, chunkDelayMs: 0 });
  await composer.fill('And a short one');
  await composer.press('Enter');
  const second = log.locator('article[data-role="assistant"]').last();
  await expect(second).toHaveAttribute('data-status', 'done');
  await expect(second.locator('pre code')).toBeVisible();

  // The conversation is titled from the first message.
  const nav = page.getByRole('navigation', { name: 'Conversations' });
  await expect(nav.getByText('Tell me a long story')).toBeVisible();

  // Reload: same host, history is read back.
  await page.reload();
  await nav.getByText('Tell me a long story').click();
  await expect(log.locator('article[data-role="assistant"]').first()).toHaveAttribute('data-status', 'stopped');
  await expect(log.locator('article[data-role="user"]')).toHaveCount(2);

  // Restart the host: a new port and token, the same history.
  const host = await ferry.restartHost();
  await page.goto(host.url);
  await nav.getByText('Tell me a long story').click();
  await expect.poll(() => answerText(log.locator('article[data-role="assistant"]').first())).toBe(partial);
  await expect(log.locator('article[data-role="assistant"]').last()).toContainText('Fixture');

  // The key was sent upstream, and nowhere else: not in any file, not in any message to the UI.
  expect(ferry.fixture.requests.some((r) => r.headers.authorization === `Bearer ${key}`)).toBe(true);
  await ferry.host.stop();
  expect(filesContaining(ferry.dataDir, key)).toEqual([]);
  expect(received.length).toBeGreaterThan(10);
  expect(received.filter((payload) => payload.includes(key))).toEqual([]);
  expect(replyText(ferry.fixture.scenario).length).toBeGreaterThan(0);
});

test('Shift+Enter makes a new line, Enter that commits an IME composition does not send', async ({ page, ferry }) => {
  await page.goto(ferry.host.url);
  await setUpConnection(page, { baseUrl: ferry.fixture.url, key: 'sk-ime-test-0000', model: 'fixture-model' });
  await page.keyboard.press('Escape');
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.click();

  await composer.pressSequentially('第一行');
  await composer.press('Shift+Enter');
  await composer.pressSequentially('second');
  await expect(composer).toHaveValue('第一行\nsecond');

  // What a Chinese IME does when Enter picks a candidate: the keydown arrives while composing, then
  // the candidate is committed (compositionend), then the key comes up.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'ni', selectionStart: 2, selectionEnd: 2 });
  await composer.dispatchEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 229, isComposing: true, bubbles: true });
  await cdp.send('Input.insertText', { text: '你' });
  await composer.dispatchEvent('keyup', { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true });
  await expect(composer).toHaveValue('第一行\nsecond你');
  expect(ferry.fixture.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(0);

  await composer.press('Enter');
  await expect(composer).toHaveValue('');
  await expect(page.getByRole('log', { name: 'Messages' }).locator('article[data-role="user"]')).toContainText('second你');
});
