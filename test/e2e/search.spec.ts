import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { openHistory } from '../../electron/services/storage/open-history';
import { expect, test, type FerryWorld } from './support/fixtures';

interface Seeded {
  english: { conversationId: string; messageId: string };
  chinese: { conversationId: string; messageId: string };
}

/**
 * Writes two long conversations straight into the data folder (the host is stopped meanwhile), each
 * with one findable message far from the bottom, so opening it really has to scroll.
 */
async function seedHistory(ferry: FerryWorld): Promise<Seeded> {
  await ferry.host.stop();
  const history = openHistory(join(ferry.dataDir, 'ferry.db'));
  const fill = (title: string, count: number, target: number, targetText: string, filler: (i: number) => string) => {
    const c = history.createConversation({ title, connectionId: null, model: null });
    let parentId: string | null = null;
    let messageId = '';
    for (let i = 0; i < count; i++) {
      const m = history.insertMessage({
        conversationId: c.id,
        parentId,
        role: i % 2 === 0 ? 'user' : 'assistant',
        content: i === target ? targetText : filler(i),
        status: 'done',
        model: null,
      });
      parentId = m.id;
      if (i === target) messageId = m.id;
    }
    return { conversationId: c.id, messageId };
  };
  const english = fill('Cluster notes', 60, 7, 'Configure the ingress controller before the load balancer.', (i) =>
    `Filler paragraph ${i}: ${'lorem ipsum dolor sit amet '.repeat(12)}`,
  );
  const chinese = fill('服务器笔记', 60, 9, '先在测试服务器上部署应用，再上线。', (i) => `第 ${i} 段：${'今天天气很好，我们去公园散步。'.repeat(8)}`);
  history.close();
  await ferry.restartHost();
  return { english, chinese };
}

async function searchAndOpen(page: Page, query: string, expected: { conversationId: string; messageId: string }, marked: string) {
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox').fill(query);
  const option = dialog.getByRole('option').first();
  await expect(option.locator('mark').first()).toHaveText(marked);
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  await expect(page).toHaveURL(new RegExp(`#/c/${expected.conversationId}/m/${expected.messageId}$`));
  const target = page.locator(`article[data-message-id="${expected.messageId}"]`);
  await expect(target).toHaveClass(/search-target/);
  await expect(target).toBeInViewport();
  return target;
}

test('Ctrl+K finds English and Chinese text and opens the conversation at that message', async ({ page, ferry }) => {
  const seeded = await seedHistory(ferry);
  await page.goto(ferry.host.url);
  await expect(page.getByRole('navigation', { name: 'Conversations' }).getByText('Cluster notes')).toBeVisible();

  // An English phrase: the trigram index.
  const en = await searchAndOpen(page, 'ingress controller', seeded.english, 'ingress');
  await expect(en).toContainText('Configure the ingress controller');
  // The first message of that long conversation is scrolled away.
  await expect(page.locator('article[data-message-id]').first()).not.toBeInViewport();

  // Chinese, 3+ characters (trigram) and 2 characters (the short-query fallback).
  await searchAndOpen(page, '部署应用', seeded.chinese, '部署应用');
  await page.locator('article[data-message-id]').first().scrollIntoViewIfNeeded();
  const zh = await searchAndOpen(page, '部署', seeded.chinese, '部署');
  await expect(zh).toContainText('先在测试服务器上部署应用');

  // Markup in a query is text: no results, nothing injected, no error.
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox').fill('<img src=x onerror=alert(1)> "NEAR(*)');
  await expect(page.getByRole('dialog').getByText('Nothing found')).toBeVisible();
  await page.keyboard.press('Escape');

  // The address is a link to the message: a reload lands on it again.
  await page.reload();
  await expect(page.locator(`article[data-message-id="${seeded.chinese.messageId}"]`)).toBeInViewport();
});

test.describe('in Chinese', () => {
  test.use({ hostEnv: { LANG: 'zh_CN.UTF-8' } });

  test('the search dialog speaks Chinese and finds a 2-character word', async ({ page, ferry }) => {
    const seeded = await seedHistory(ferry);
    await page.goto(ferry.host.url);
    await expect(page.getByRole('navigation').getByText('服务器笔记')).toBeVisible();
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: '搜索对话' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('combobox')).toHaveAttribute('placeholder', '搜索所有对话…');
    await dialog.getByRole('combobox').fill('部署');
    await expect(dialog.getByText('服务器笔记')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator(`article[data-message-id="${seeded.chinese.messageId}"]`)).toBeInViewport();
  });
});
