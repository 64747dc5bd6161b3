/**
 * What the user sees when the disk fills, the data folder is read-only, the keychain hangs, the
 * settings file or the database is damaged — in the real page over the built host, in English and
 * Chinese. Each state is photographed light and dark at 800 and 1920 px
 * (test-results/screens/faults/) for a person to look at and scanned with axe in both themes; the
 * checks are on what the page says and on the files: nothing stored lost, nothing sent without its key.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../electron/services/storage/sqlite-engine';
import type { Page } from '@playwright/test';
import { openHistory } from '../../electron/services/storage/open-history';
import faultsEn from '../../renderer/src/i18n/faults.en';
import faultsZh from '../../renderer/src/i18n/faults.zh-CN';
import errorsEn from '../../renderer/src/i18n/errors.en';
import errorsZh from '../../renderer/src/i18n/errors.zh-CN';
import enStrings from '../../renderer/src/i18n/en';
import zhStrings from '../../renderer/src/i18n/zh-CN';
import { startFixtureServer, type FixtureServer } from '../fixture';
import { startKeyringSession, type KeyringSession } from '../harness/keyring-session';
import { connectBridge } from '../integration/faults/support/host-client';
import { dbFacts } from '../integration/faults/support/db-facts';
import { readOnlyView, smallDisk, type SmallDisk } from '../integration/faults/support/mounts';
import { expectNoSeriousViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { startHostProcess, type HostProcess } from './support/web-host-process';

const SHOTS = resolve(import.meta.dirname, '../../test-results/screens/faults');
const LONG = 'Every word counts, and every one of them must reach the disk in the end. '.repeat(14);

type Lang = 'en' | 'zh-CN';
const strings = (lang: Lang) =>
  lang === 'en' ? { faults: faultsEn, errors: errorsEn, app: enStrings } : { faults: faultsZh, errors: errorsZh, app: zhStrings };

/**
 * The current screen, light and dark, 800 and 1920 px wide, and an axe scan of it in each theme
 * (nothing serious allowed). Theme follows the OS ("system").
 */
async function shoot(page: Page, name: string, lang: Lang): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    for (const width of [800, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SHOTS}/${name}-${lang}-${theme}-${width}.png`, animations: 'disabled' });
    }
    await expectNoSeriousViolations(page, `${name} ${lang} ${theme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
}

const hostEnv = (lang: Lang, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  FERRY_KEYCHAIN_SERVICE: `ferry-faults-e2e-${process.pid}-${Date.now()}`,
  LANG: lang === 'zh-CN' ? 'zh_CN.UTF-8' : 'en_US.UTF-8',
  LC_ALL: '',
  LC_MESSAGES: '',
  ...extra,
});

/** A connection to the fixture, made over the bridge (the settings UI has its own tests). */
async function connect(host: HostProcess, fixture: FixtureServer, key?: string): Promise<void> {
  const bridge = await connectBridge(host.url);
  try {
    const saved = await bridge.call('connections.save', { name: 'Fixture', baseUrl: fixture.baseUrl, model: 'fixture-model' });
    if (key) await bridge.call('connections.setKey', { id: saved.id, key, storage: 'keychain' });
    await bridge.call('connections.select', { id: saved.id });
  } finally {
    bridge.close();
  }
}

const facts = (dbFile: string) => {
  const { integrity, messages } = dbFacts(dbFile);
  return { integrity, messages };
};

async function send(page: Page, text: string, lang: Lang): Promise<void> {
  const composer = page.getByRole('textbox', { name: lang === 'en' ? 'Message' : '消息' });
  await composer.fill(text);
  await composer.press('Enter');
}

for (const lang of ['en', 'zh-CN'] as const) {
  const s = strings(lang);

  test.describe(`faults (${lang})`, () => {
    let fixture: FixtureServer;
    let host: HostProcess | null = null;
    let disk: SmallDisk | null = null;
    let keyring: KeyringSession | null = null;
    const cleanups: (() => void)[] = [];

    test.beforeEach(async () => {
      fixture = await startFixtureServer();
    });
    test.afterEach(async () => {
      keyring?.signalKeyring('SIGCONT');
      await host?.stop();
      host = null;
      disk?.free();
      disk?.unmount();
      disk = null;
      await keyring?.stop();
      keyring = null;
      for (const cleanup of cleanups.splice(0)) cleanup();
      await fixture.close();
    });

    test('the disk fills while an answer streams: it keeps streaming, says what is not saved, and saves it on Retry', async ({ page }) => {
      disk = smallDisk(2048);
      const dataDir = join(disk.dir, 'Ferry');
      mkdirSync(dataDir);
      // The host writes pending answers again by itself (2 s, doubling): put that off past the test,
      // or it may save the answer between disk.free() and the click, taking the notice with it.
      host = await startHostProcess(dataDir, hostEnv(lang, { FERRY_STORAGE_RETRY_MS: '600000' }));
      await connect(host, fixture);
      await page.goto(host.url);
      fixture.configure({ text: 'Stored before the disk filled.' });
      await send(page, 'first', lang);
      const answers = page.locator('article[data-role="assistant"]');
      await expect(answers.last()).toHaveAttribute('data-status', 'done');

      fixture.configure({ text: LONG, repeat: 20, chunkDelayMs: 2 });
      await send(page, 'a long answer', lang);
      await expect(answers.last()).toHaveAttribute('data-status', 'streaming');
      const checkpoint = openDatabase(join(dataDir, 'ferry.db'));
      checkpoint.exec('PRAGMA busy_timeout = 2000');
      checkpoint.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get();
      checkpoint.close();
      disk.fill();

      const notice = answers.last().locator('.unsaved-notice');
      const prefix = s.faults.unsaved.full.split('{{chars}}')[0]!;
      await expect(notice).toContainText(prefix, { timeout: 20_000 });
      await expect(page.locator('[data-fault="storage"]')).toContainText(s.faults.storage.problem.full.title);
      await expect(answers.last()).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
      await expect(answers.last()).toContainText(LONG.slice(0, 60));
      await shoot(page, 'disk-full-streaming', lang);

      // A new question meanwhile is refused, saying why.
      await send(page, 'no room for this', lang);
      await expect(page.locator('.inline-error')).toContainText(s.errors.app.storage_full.title);

      disk.free();
      await notice.getByRole('button', { name: s.faults.unsaved.retry }).click();
      await expect(notice).toHaveCount(0);
      await expect(page.locator('[data-fault="storage"]')).toHaveCount(0);
      await host.stop();
      expect(facts(join(dataDir, 'ferry.db'))).toEqual({ integrity: 'ok', messages: 4 });
      host = null;
    });

    test('a read-only data folder: the history opens read-only with a banner, and a send says why it cannot be saved', async ({ page }) => {
      const source = mkdtempSync(join(tmpdir(), 'ferry-ro-source-'));
      cleanups.push(() => rmSync(source, { recursive: true, force: true }));
      const first = await startHostProcess(source, hostEnv(lang));
      await connect(first, fixture);
      await page.goto(first.url);
      fixture.configure({ text: 'Readable forever.' });
      await send(page, 'written while writable', lang);
      await expect(page.locator('article[data-role="assistant"]').last()).toHaveAttribute('data-status', 'done');
      await first.stop();
      const before = facts(join(source, 'ferry.db'));

      const view = readOnlyView(source);
      cleanups.unshift(() => view.unmount());
      host = await startHostProcess(view.dir, hostEnv(lang));
      await page.goto(host.url);
      const banner = page.locator('[data-fault="storage"]');
      await expect(banner).toContainText(s.faults.storage.problem.read_only.title);
      await expect(banner).toContainText(s.faults.storage.readOnlyMode);
      await page.getByRole('navigation').getByText('written while writable').click();
      await expect(page.locator('article[data-role="assistant"]').last()).toContainText('Readable forever.');
      await send(page, 'cannot be stored', lang);
      await expect(page.locator('.inline-error')).toContainText(s.errors.app.storage_read_only.title);
      await shoot(page, 'read-only-folder', lang);
      await host.stop();
      host = null;
      expect(facts(join(source, 'ferry.db'))).toEqual(before);
    });

    test('a hung keychain: the send is refused with what to do, nothing reaches the server, and it works again by itself', async ({ page }) => {
      keyring = await startKeyringSession();
      const key = `sk-e2e-hang-${Date.now()}`;
      fixture.configure({ requireKey: key, text: 'With the key.' });
      const dataDir = mkdtempSync(join(tmpdir(), 'ferry-e2e-keyring-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      host = await startHostProcess(dataDir, hostEnv(lang, { DBUS_SESSION_BUS_ADDRESS: keyring.busAddress }));
      await connect(host, fixture, key);
      await page.goto(host.url);

      keyring.signalKeyring('SIGSTOP');
      await send(page, 'while the keychain hangs', lang);
      const banner = page.locator('[data-fault="keychain"]');
      await expect(banner).toContainText(s.faults.keychain.problem.not_responding.title, { timeout: 20_000 });
      await expect(page.locator('.inline-error')).toContainText(s.faults.keychain.problem.not_responding.title);
      await shoot(page, 'keychain-hung', lang);
      expect(fixture.requests.filter((r) => r.path.endsWith('/chat/completions'))).toEqual([]);
      // Settings says the key is there but cannot be read — never "No key".
      await page.getByRole('button', { name: s.app.settings.title, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: s.app.settings.title, exact: true });
      await expect(dialog.getByText(s.faults.keychain.keyUnreadable)).toBeVisible({ timeout: 20_000 });
      await expect(dialog.getByText(s.app.settings.keyNone, { exact: true })).toHaveCount(0);
      // The photo shows the key field itself, below the keychain notice.
      await dialog.getByText(s.faults.keychain.keyUnreadable).scrollIntoViewIfNeeded();
      await shoot(page, 'keychain-hung-settings', lang);
      await page.keyboard.press('Escape');

      keyring.signalKeyring('SIGCONT');
      await expect(banner).toHaveCount(0, { timeout: 30_000 });
      await send(page, 'after the keychain came back', lang);
      // The key read that follows a resumed daemon can take seconds on a loaded machine.
      await expect(page.locator('article[data-role="assistant"]').last()).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
      expect(fixture.requests.filter((r) => r.path.endsWith('/chat/completions')).map((r) => r.headers.authorization)).toEqual([`Bearer ${key}`]);
    });

    test('a damaged settings file: the banner says so and the previous copy brings the connections back', async ({ page }) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'ferry-e2e-config-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      const first = await startHostProcess(dataDir, hostEnv(lang));
      await connect(first, fixture);
      await first.stop();
      writeFileSync(join(dataDir, 'config.json'), '{"connections": [{"id": "cut-sho');

      host = await startHostProcess(dataDir, hostEnv(lang));
      await page.goto(host.url);
      const banner = page.locator('[data-fault="settings-file"]');
      await expect(banner).toContainText(s.faults.settingsFile.title);
      await expect(banner).toContainText('config.json.damaged-');
      await shoot(page, 'settings-damaged', lang);
      await banner.getByRole('button', { name: new RegExp(s.faults.settingsFile.restore.split('{{time}}')[0]!) }).click();
      await expect(banner).toHaveCount(0);
      await page.getByRole('button', { name: s.app.settings.title, exact: true }).click();
      await expect(page.getByRole('dialog').getByLabel(lang === 'en' ? 'Base URL' : s.app.settings.baseUrl, { exact: true })).toHaveValue(fixture.baseUrl);
      expect(readdirSync(dataDir).filter((f) => f.startsWith('config.json.damaged-'))).toHaveLength(1);
    });

    test('a 0-byte history database: its backups are offered, and restoring keeps the empty file', async ({ page }) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'ferry-e2e-empty-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      const history = openHistory(join(dataDir, 'ferry.db'));
      history.createConversation({ title: 'Kept in the backup', connectionId: null, model: null });
      history.close();
      mkdirSync(join(dataDir, 'backups'));
      copyFileSync(join(dataDir, 'ferry.db'), join(dataDir, 'backups', 'ferry-v3-20260101T000000000Z.db'));
      writeFileSync(join(dataDir, 'ferry.db'), '');
      for (const suffix of ['-wal', '-shm']) rmSync(join(dataDir, `ferry.db${suffix}`), { force: true });

      host = await startHostProcess(dataDir, hostEnv(lang));
      await page.goto(host.url);
      const card = page.getByRole('alert');
      await expect(card.getByRole('heading', { name: s.app.recovery.title.empty })).toBeVisible();
      await expect(card.getByRole('button', { name: s.app.recovery.startFresh })).toBeVisible();
      await shoot(page, 'database-empty', lang);
      await card.getByRole('button', { name: s.app.recovery.restoreNewest }).click();
      await expect(page.getByRole('navigation').getByText('Kept in the backup')).toBeVisible();
      expect(readdirSync(join(dataDir, 'broken')).filter((f) => f.endsWith('.db'))).toHaveLength(1);
    });
  });
}
