import Database from 'libsql';
import { dataFiles } from '../../electron/core/data-dir';
import { expect, setUpConnection, test } from './support/fixtures';

test('a SIGKILLed host keeps the partial answer, marked interrupted, and every other conversation', async ({ page, ferry }) => {
  await page.goto(ferry.host.url);
  await setUpConnection(page, { baseUrl: ferry.fixture.url, key: 'sk-crash-e2e-0000', model: 'fixture-model' });
  await page.keyboard.press('Escape');
  const composer = page.getByRole('textbox', { name: 'Message' });
  const nav = page.getByRole('navigation', { name: 'Conversations' });
  const log = page.getByRole('log', { name: 'Messages' });
  const answer = log.locator('article[data-role="assistant"]');

  // A finished conversation that must survive untouched.
  ferry.fixture.configure({ text: 'Calm and complete answer.' });
  await composer.fill('Calm conversation');
  await composer.press('Enter');
  await expect(answer).toHaveAttribute('data-status', 'done');

  // A second conversation with a long, slow answer.
  await page.getByRole('button', { name: 'New chat' }).click();
  ferry.fixture.configure({ text: 'Streaming words keep coming. ', repeat: 400, chunkDelayMs: 30 });
  await composer.fill('Stormy conversation');
  await composer.press('Enter');
  await expect(answer).toContainText('Streaming words', { timeout: 10_000 });

  // Switching away and back does not stop the stream.
  await nav.getByText('Calm conversation').click();
  await expect(answer).toContainText('Calm and complete answer.');
  await nav.getByText('Stormy conversation').click();
  await expect(answer).toHaveAttribute('data-status', 'streaming');
  const before = ((await answer.textContent()) ?? '').length;
  await expect.poll(async () => ((await answer.textContent()) ?? '').length).toBeGreaterThan(before);
  // Long enough that the throttled write (every ~300 ms) has stored part of it.
  await page.waitForTimeout(800);

  await ferry.host.kill();
  const host = await ferry.restartHost();
  await page.goto(host.url);
  await nav.getByText('Stormy conversation').click();
  await expect(answer).toHaveAttribute('data-status', 'interrupted');
  await expect(answer).toContainText('Streaming words keep coming.');
  await expect(answer.getByRole('button', { name: 'Continue' })).toBeVisible();
  await expect(answer.getByRole('button', { name: 'Regenerate' })).toHaveCount(1);

  await nav.getByText('Calm conversation').click();
  await expect(answer).toHaveAttribute('data-status', 'done');
  await expect(answer).toContainText('Calm and complete answer.');

  // Continue works after the crash.
  ferry.fixture.configure({ text: 'Resumed.', repeat: 1, chunkDelayMs: 0 });
  await nav.getByText('Stormy conversation').click();
  await answer.getByRole('button', { name: 'Continue' }).click();
  await expect(answer).toHaveAttribute('data-status', 'done');
  await expect(answer).toContainText('Resumed.');

  await ferry.host.stop();
  const db = new Database(dataFiles(ferry.dataDir).database);
  try {
    expect(db.prepare('PRAGMA integrity_check').get()).toMatchObject({ integrity_check: 'ok' });
  } finally {
    db.close();
  }
});
