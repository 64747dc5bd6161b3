import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { corruptPdf, sampleImage, samplePdf } from '../support/sample-files';
import { dropFiles } from './support/file-events';
import { expect, setAppearance, setUpConnection, test } from './support/fixtures';

/**
 * Attachments, message controls, the model picker and assistants in both languages, both themes,
 * 800 and 1920 px wide. Screenshots land in test-results/screens/rich-*.png for a person to look at;
 * axe must find nothing serious on any of them.
 */
const SHOTS = resolve(import.meta.dirname, '../../test-results/screens');


/** The parts this feature adds (other parts of the page are scanned by their own specs). */
const OURS = ['.message-attachments', '.bubble', '.message-menu', '.model-picker', '.attachment-tray', '.assistant-gallery', '.chosen-assistant', '.prompt-palette', '.modal', '.message-undo-region'];

async function noSeriousViolations(page: Page, what: string) {
  // Once per language and theme: the narrow layout has the same elements.
  if (what.endsWith('-800')) return;
  let builder = new AxeBuilder({ page });
  for (const selector of OURS) if ((await page.locator(selector).count()) > 0) builder = builder.include(selector);
  const { violations } = await builder.analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${what}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

test('rich conversations in English and Chinese, light and dark, narrow and wide', async ({ page, ferry }) => {
  test.setTimeout(300_000);
  ferry.fixture.configure({ modelIds: Array.from({ length: 300 }, (_, i) => `relay-model-${String(i).padStart(3, '0')}`) });
  await page.setViewportSize({ width: 1920, height: 1000 });
  await page.goto(ferry.host.url);
  await setUpConnection(page, { baseUrl: ferry.fixture.url, key: 'sk-rich-screens', model: 'fixture-model', name: 'Relay' });
  await page.keyboard.press('Escape');

  // A conversation with files, a long paste and an answer.
  await dropFiles(page, 'main', [
    { name: 'diagram.png', type: 'image/png', bytes: await sampleImage('png', 1200, 800) },
    { name: '季度报告.pdf', type: 'application/pdf', bytes: await samplePdf(['第一页：收入增长。', '第二页：成本下降。', 'Page three.']) },
  ]);
  const composer = page.getByRole('textbox', { name: 'Message' });
  // The host reads the PDF with pdf.js on a thread it starts for the first document (seconds on a
  // loaded machine, so more than the default 5 s; attachments.spec waits the same way).
  await expect(page.getByText('3 pages · ≈ 29 tokens')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'View diagram.png' })).toBeVisible();
  await composer.fill('What do the diagram and the report say? ' + 'Here is the log I mentioned. '.repeat(60));
  await composer.press('Enter');
  await expect(page.locator('article[data-role="assistant"]').last()).toHaveAttribute('data-status', 'done');

  // The relay's long list, fetched once.
  await page.getByRole('button', { name: /^Model: / }).click();
  await page.getByRole('button', { name: 'Refresh lists' }).click();
  await expect(page.getByRole('status').filter({ hasText: '300 models listed' })).toBeVisible();
  await page.keyboard.press('Escape');

  const combos = [
    { lang: 'en', theme: 'light' },
    { lang: 'en', theme: 'dark' },
    { lang: 'zh-CN', theme: 'light' },
    { lang: 'zh-CN', theme: 'dark' },
  ] as const;
  for (const { lang, theme } of combos) {
    await setAppearance(page, { language: lang, theme });
    const zh = lang === 'zh-CN';
    for (const width of [1920, 800]) {
      await page.setViewportSize({ width, height: width === 800 ? 900 : 1000 });
      const tag = `${lang}-${theme}-${width}`;

      // 1. The conversation: attachments in the history, a folded message, the ⋯ menu open.
      await page.locator('nav').getByText('What do the diagram', { exact: false }).first().click();
      const user = page.locator('article[data-role="user"]').first();
      await expect(user.getByRole('button', { name: zh ? /展开全部/ : /Show more/ })).toBeVisible();
      const answer = page.locator('article[data-role="assistant"]').last();
      await answer.hover();
      await answer.getByRole('button', { name: zh ? '更多操作' : 'More actions' }).click();
      await expect(page.getByRole('menu')).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/rich-conversation-${tag}.png`, animations: 'disabled' });
      await noSeriousViolations(page, `conversation ${tag}`);
      await page.keyboard.press('Escape');

      // 2. The model picker, filtered.
      await page.getByRole('button', { name: zh ? /^模型：/ : /^Model: / }).click();
      const search = page.getByRole('combobox', { name: zh ? '搜索模型' : 'Search models' });
      await search.fill('rm12');
      await expect(page.getByRole('option').first()).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/rich-picker-${tag}.png`, animations: 'disabled' });
      await noSeriousViolations(page, `picker ${tag}`);
      await page.keyboard.press('Escape');

      // 3. A new chat: assistants, files waiting (one refused), the / prompt list.
      await page.getByRole('button', { name: zh ? '新对话' : 'New chat' }).first().click();
      await page.getByRole('button', { name: zh ? /^翻译助手/ : /^Translator/ }).click();
      await dropFiles(page, 'main', [
        { name: 'photo.jpg', type: 'image/jpeg', bytes: await sampleImage('jpeg', 800, 600) },
        { name: 'broken.pdf', type: 'application/pdf', bytes: corruptPdf() },
      ]);
      await expect(page.getByText(zh ? '“broken.pdf”似乎已损坏，或者与文件名所示的格式不符。' : '“broken.pdf” seems damaged, or isn’t what its name says.')).toBeVisible();
      await expect(page.getByRole('button', { name: zh ? '查看 photo.jpg' : 'View photo.jpg' })).toBeVisible();
      const box = page.getByRole('textbox', { name: zh ? '消息' : 'Message' });
      await box.fill('/');
      await expect(page.getByRole('listbox', { name: zh ? '提示词' : 'Prompts' })).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/rich-new-chat-${tag}.png`, animations: 'disabled' });
      await noSeriousViolations(page, `new chat ${tag}`);
      await box.fill('');
      for (const name of ['photo.jpg', 'broken.pdf']) await page.getByRole('button', { name: zh ? `移除 ${name}` : `Remove ${name}` }).click();

      // 4. Managing assistants, editing one.
      await page.getByRole('button', { name: zh ? '管理助手与提示词' : 'Manage assistants and prompts' }).click();
      const dialog = page.getByRole('dialog', { name: zh ? '助手与提示词' : 'Assistants and prompts' });
      await dialog.getByRole('button', { name: zh ? '新建助手' : 'New assistant' }).click();
      await page.screenshot({ path: `${SHOTS}/rich-assistants-${tag}.png`, animations: 'disabled' });
      await noSeriousViolations(page, `assistants ${tag}`);
      await page.keyboard.press('Escape');
    }
  }
});
