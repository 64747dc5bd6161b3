import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeChatGptExport } from '../bench/chatgpt-export';
import { nextChatRelay } from '../fixture';
import { SECRET_ACCESS_CODE, SECRET_OPENAI_KEY } from '../fixture/data/others';
import { expect, test } from './support/fixtures';
import { filesContaining } from './support/files';
import { chooseImportFile, confirmImport, dropFile, openData, sampleFiles } from './support/data';

test('a ChatGPT export: preview first, then every branch is there, switchable with ‹ 1/2 ›', async ({ page, ferry }) => {
  const files = sampleFiles();
  await page.goto(ferry.host.url);
  const dialog = await chooseImportFile(page, files.chatgptZip);
  const preview = dialog.locator('.import-preview');
  await expect(preview.getByRole('heading', { name: 'Ready to import from ChatGPT' })).toBeVisible();
  await expect(preview).toContainText('Conversations2');
  await expect(preview).toContainText('With several versions (regenerations, edits)1');
  await expect(preview).toContainText('not in the file: 1 (a placeholder shows where each one was)');
  await expect(preview).toContainText('Hidden system messages (ChatGPT doesn’t show them either): 1');
  // Nothing is in the history before "Import".
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox', { name: 'Conversation list' }).getByRole('option')).toHaveCount(0);

  await openData(page);
  await expect(confirmImport(page)).resolves.toBeTruthy();
  await expect(dialog.getByRole('status').filter({ hasText: 'Import finished' })).toContainText('Conversations: 2');
  await page.keyboard.press('Escape');

  const list = page.getByRole('listbox', { name: 'Conversation list' });
  await list.getByRole('option', { name: /Capitals and powers/ }).click();
  const log = page.getByRole('log', { name: 'Messages' });
  // The active leaf of the export (current_node) is what opens.
  await expect(log).toContainText('2**10 = 1024.');
  await expect(log.getByText('Thoughts')).toBeVisible();
  const question = log.locator('article[data-role="user"]').first();
  const answer = log.locator('article[data-role="assistant"]').first();
  await expect(answer).toContainText('The capital of France is Paris.');
  await expect(answer.getByRole('group', { name: 'Version 2 of 2' })).toBeVisible();
  await answer.getByRole('button', { name: 'Previous version' }).click();
  await expect(answer).toContainText('Paris.');
  await expect(answer).not.toContainText('The capital of France');
  // The edited question is the other branch of the first turn.
  await expect(question.getByRole('group', { name: 'Version 1 of 2' })).toBeVisible();
  await question.getByRole('button', { name: 'Next version' }).click();
  await expect(question).toContainText('What is the capital of Germany?');
  await expect(log.locator('article[data-role="assistant"]').first()).toContainText('Berlin.');

  await list.getByRole('option', { name: /Pictures/ }).click();
  await expect(log).toContainText('A single pixel.');
});

test('a NextChat backup dropped on the window: its access code is never imported, and a connection can be made by typing it again', async ({ page, ferry }) => {
  const files = sampleFiles();
  ferry.fixture.configure({ nextChat: nextChatRelay({ codes: [SECRET_ACCESS_CODE], customModels: '+fixture-model', defaultModel: 'fixture-model' }) });
  await page.goto(ferry.host.url);
  await dropFile(page, files.nextchat);
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByRole('tab', { name: 'Data' })).toHaveAttribute('aria-selected', 'true');
  const preview = dialog.locator('.import-preview');
  await expect(preview.getByRole('heading', { name: 'Ready to import from NextChat' })).toBeVisible();
  await expect(preview).toContainText('Assistants (masks, copilots)');
  await expect(preview).toContainText('API keys and access codes, never imported (see below)');
  const offer = dialog.getByRole('group', { name: 'NextChat access code' });
  await expect(offer).toBeVisible();
  await expect(dialog.getByRole('group', { name: 'API key for OpenAI' })).toContainText('https://api.openai-hk.com');
  await confirmImport(page);

  // The secrets in the file reached neither the page nor Ferry's files.
  const html = await page.content();
  expect(html).not.toContain(SECRET_ACCESS_CODE);
  expect(html).not.toContain(SECRET_OPENAI_KEY);
  expect(filesContaining(ferry.dataDir, SECRET_ACCESS_CODE)).toEqual([]);
  expect(filesContaining(ferry.dataDir, SECRET_OPENAI_KEY)).toEqual([]);

  await offer.getByRole('button', { name: 'Create connection…' }).click();
  await offer.getByRole('button', { name: 'Create connection', exact: true }).click();
  await expect(offer.getByRole('alert')).toHaveText('Type the server’s address.');
  await offer.getByLabel('NextChat server address').fill(ferry.fixture.url);
  await offer.getByRole('button', { name: 'Create connection', exact: true }).click();
  await expect(offer.getByRole('alert')).toHaveText('Type the code or key: Ferry never takes it from the file.');
  await offer.getByLabel('Access code').fill(SECRET_ACCESS_CODE);
  await offer.getByLabel('Model').fill('fixture-model');
  await offer.getByRole('button', { name: 'Create connection', exact: true }).click();
  await expect(offer.getByRole('status')).toHaveText('Created “NextChat”. The secret is in the system keychain.');
  expect(filesContaining(ferry.dataDir, SECRET_ACCESS_CODE)).toEqual([]);

  await dialog.getByRole('tab', { name: 'Connections' }).click();
  await expect(dialog.getByText('Key saved in the system keychain · ends with 7788')).toBeVisible();
  await page.keyboard.press('Escape');

  // The imported session is there, and the new connection answers through the relay.
  const list = page.getByRole('listbox', { name: 'Conversation list' });
  await list.getByRole('option', { name: /NextChat 会话/ }).click();
  const log = page.getByRole('log', { name: 'Messages' });
  await expect(log).toContainText('我是一个助手。');
  await page.getByRole('button', { name: 'New chat' }).click();
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Through the relay?');
  await composer.press('Enter');
  await expect(log.locator('article[data-role="assistant"]').last()).toHaveAttribute('data-status', 'done');
  expect(ferry.fixture.requests.some((r) => r.path === '/api/openai/v1/chat/completions' && r.headers.authorization === `Bearer nk-${SECRET_ACCESS_CODE}`)).toBe(true);
});

test('a damaged file is refused with a clear message and changes nothing; Cancel stops a preview', async ({ page, ferry }) => {
  const files = sampleFiles();
  const broken = `${files.chatgptJson}.broken.json`;
  const { readFileSync, writeFileSync } = await import('node:fs');
  writeFileSync(broken, readFileSync(files.chatgptJson, 'utf8').slice(0, 700));
  await page.goto(ferry.host.url);
  const dialog = await chooseImportFile(page, broken);
  await expect(dialog.getByRole('alert')).toContainText('This file is damaged or incomplete');
  await expect(dialog.getByRole('alert')).toContainText('Nothing was changed.');

  await chooseImportFile(page, files.chatbox);
  await expect(dialog.locator('.import-preview').getByRole('heading', { name: 'Ready to import from Chatbox' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Import cancelled. Nothing was changed.' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox', { name: 'Conversation list' }).getByRole('option')).toHaveCount(0);
});

test('a large export shows its progress with counts, and Cancel stops it with nothing changed', async ({ page, ferry }, info) => {
  const file = join(info.outputDir, 'conversations.json');
  mkdirSync(info.outputDir, { recursive: true });
  const { messages } = await writeChatGptExport(file, { conversations: 800, messagesPerConversation: 50, branchEvery: 10, seed: 3 });
  expect(messages).toBeGreaterThan(40_000);
  await page.goto(ferry.host.url);
  const dialog = await chooseImportFile(page, file);
  const progress = dialog.getByRole('progressbar', { name: 'Import progress' });
  await expect(progress).toBeVisible();
  // Counts grow while main reads the file.
  await expect(dialog.getByRole('status').filter({ hasText: /Looking through “conversations\.json” · conversations: [1-9]/ })).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: join(import.meta.dirname, '../../test-results/screens/import-progress-en.png'), animations: 'disabled' });
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Import cancelled. Nothing was changed.' })).toBeVisible();
  await expect(progress).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox', { name: 'Conversation list' }).getByRole('option')).toHaveCount(0);
  expect(ferry.host.child.exitCode).toBeNull();
});
