import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openHistory } from '../../electron/services/storage/open-history';
import { expect, test } from './support/fixtures';

test('a damaged history database is reported, left untouched, and a backup restores the history', async ({ page, ferry }) => {
  await ferry.host.stop();
  const dbFile = join(ferry.dataDir, 'ferry.db');
  const history = openHistory(dbFile);
  history.createConversation({ title: 'Saved before the damage', connectionId: null, model: null });
  history.close();
  mkdirSync(join(ferry.dataDir, 'backups'), { recursive: true });
  copyFileSync(dbFile, join(ferry.dataDir, 'backups', 'ferry-v3-20260101T000000000Z.db'));
  const garbage = Buffer.from('definitely not SQLite '.repeat(500));
  writeFileSync(dbFile, garbage);

  const host = await ferry.restartHost();
  await page.goto(host.url);
  const card = page.getByRole('alert');
  await expect(card.getByRole('heading', { name: 'Your history database is damaged' })).toBeVisible();
  await expect(card).toContainText('Ferry has not changed the file');
  expect(readFileSync(dbFile).equals(garbage)).toBe(true);

  await card.getByRole('button', { name: 'Restore newest backup' }).click();
  await expect(page.getByRole('navigation', { name: 'Conversations' }).getByText('Saved before the damage')).toBeVisible();
  const broken = readdirSync(join(ferry.dataDir, 'broken')).filter((f) => f.endsWith('.db'));
  expect(broken).toHaveLength(1);
  expect(readFileSync(join(ferry.dataDir, 'broken', broken[0]!)).equals(garbage)).toBe(true);
});
