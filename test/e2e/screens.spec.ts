import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { expect, setAppearance, setUpConnection, test } from './support/fixtures';

/**
 * Every main screen in both languages and both themes, at 800 and 1920 px: screenshots in
 * test-results/screens/ for a person to look at, an accessibility scan (WCAG 2.1 AA, zero serious
 * or critical violations) and the layout rules the screens must keep.
 */
const SHOTS = resolve(import.meta.dirname, '../../test-results/screens');
const WIDTHS = [800, 1920] as const;

const axe = expectNoSeriousViolations;

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, animations: 'disabled' });

const STRINGS = {
  en: { settings: 'Settings', newChat: 'New chat', search: 'Search conversations', shortcuts: 'Keyboard shortcuts', find: 'Find in this conversation', test: 'Test connection', appearance: 'Appearance', quota: 'No API credit left' },
  'zh-CN': { settings: '设置', newChat: '新对话', search: '搜索对话', shortcuts: '键盘快捷键', find: '在当前对话中查找', test: '测试连接', appearance: '外观', quota: 'API 余额不足' },
} as const;

for (const language of ['en', 'zh-CN'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`main screens in ${language}, ${theme}: screenshots at 800 and 1920 px, accessibility scan, layout`, async ({ page, ferry }) => {
      test.setTimeout(120_000);
      const s = STRINGS[language];
      const tag = `${language}-${theme}`;
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(ferry.host.url);
      await expect(page.getByRole('heading', { name: 'Welcome to Ferry' })).toBeVisible();
      await setUpConnection(page, { baseUrl: ferry.fixture.url, key: 'sk-screens-1234', model: 'fixture-model', name: 'Fixture' });
      await page.keyboard.press('Escape');
      await setAppearance(page, { language, theme });
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);

      // The welcome screen of a new chat.
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await shot(page, `welcome-${tag}-${width}`);
      }
      await axe(page, `welcome ${tag}`);

      // A conversation with a rich answer and a failed one.
      const composer = page.getByRole('textbox', { name: language === 'en' ? 'Message' : '消息' });
      await composer.fill(language === 'en' ? 'Show me some Markdown: a list, code and 中文, for a trip to Tokyo.' : '给我看看 Markdown：列表、代码和中文，关于东京七日游的安排。');
      await composer.press('Enter');
      await expect(page.locator('article[data-role="assistant"]').last()).toHaveAttribute('data-status', 'done');
      ferry.fixture.configure({ failure: { status: 429, body: { error: { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', code: 'insufficient_quota' } } } });
      await composer.fill(language === 'en' ? 'And now with an empty balance' : '余额用完时会怎样？');
      await composer.press('Enter');
      await expect(page.getByText(s.quota)).toBeVisible();
      ferry.fixture.configure({ failure: null });

      // The message list paints an opaque background of its own, the chat's: only then does Chromium
      // scroll it on the compositor, which following a streaming answer does on every update (chat.css).
      const backgrounds = await page.evaluate(() => [
        getComputedStyle(document.querySelector('.message-scroller')!).backgroundColor,
        getComputedStyle(document.querySelector('.chat')!).backgroundColor,
      ]);
      expect(backgrounds[0], 'the message list is opaque').toMatch(/^rgb\(/);
      expect(backgrounds[0]).toBe(backgrounds[1]);

      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        // The header stays on one line; messages keep a readable measure on a wide screen.
        const header = page.locator('.chat-header');
        const headerBox = (await header.boundingBox())!;
        expect(headerBox.height, `header height at ${width}`).toBeLessThanOrEqual(56);
        const tops = await header.evaluate((el) =>
          [...el.children]
            .map((c) => c.getBoundingClientRect())
            .filter((r) => r.width > 0)
            .map((r) => Math.round(r.top + r.height / 2)),
        );
        expect(Math.max(...tops) - Math.min(...tops), `header children on one line at ${width}`).toBeLessThanOrEqual(4);
        // …and nothing in it drawn over its neighbour.
        const spans = await header.evaluate((el) =>
          [...el.querySelectorAll(':scope > *, :scope > .target-picker > *')]
            .map((c) => c.getBoundingClientRect())
            .filter((r) => r.width > 0)
            .map((r) => [Math.round(r.left), Math.round(r.right)] as const)
            .sort((a, b) => a[0] - b[0]),
        );
        for (let i = 1; i < spans.length; i++) {
          const overlapsPrevious = spans[i]![0] < spans[i - 1]![1] - 1 && spans[i]![1] > spans[i - 1]![1];
          expect(overlapsPrevious, `header items overlap at ${width}: ${JSON.stringify(spans)}`).toBe(false);
        }
        const answer = (await page.locator('article[data-role="assistant"] .markdown').first().boundingBox())!;
        expect(answer.width, `measure at ${width}`).toBeLessThanOrEqual(800);
        if (width === 1920) {
          const pane = (await page.locator('.message-pane').boundingBox())!;
          // Centred in the chat column.
          expect(Math.abs(answer.x + answer.width / 2 - (pane.x + pane.width / 2))).toBeLessThan(40);
        }
        await shot(page, `chat-${tag}-${width}`);
      }
      await axe(page, `chat ${tag}`);

      // Find in conversation.
      await page.keyboard.press('Control+f');
      await page.getByRole('searchbox', { name: s.find }).fill(language === 'en' ? 'Markdown' : 'Markdown');
      await expect(page.locator('#find-status')).not.toBeEmpty();
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await shot(page, `find-${tag}-${width}`);
      }
      await axe(page, `find ${tag}`);
      await page.keyboard.press('Escape');

      // Search every conversation.
      await page.keyboard.press('Control+k');
      const search = page.getByRole('dialog', { name: s.search });
      await search.getByRole('combobox').fill(language === 'en' ? 'Tokyo' : '东京');
      await expect(search.getByRole('option').first()).toBeVisible();
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await shot(page, `search-${tag}-${width}`);
      }
      await axe(page, `search ${tag}`);
      await page.keyboard.press('Escape');

      // The shortcut list.
      await page.keyboard.press('Control+/');
      await expect(page.getByRole('dialog', { name: s.shortcuts })).toBeVisible();
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await shot(page, `shortcuts-${tag}-${width}`);
      }
      await axe(page, `shortcut list ${tag}`);
      await page.keyboard.press('Escape');

      // Settings: every section; Connections with a test result.
      await page.getByRole('button', { name: s.settings, exact: true }).click();
      const settings = page.getByRole('dialog', { name: s.settings, exact: true });
      await settings.getByRole('button', { name: s.test }).click();
      await expect(settings.getByRole('status').filter({ has: page.locator('.test-steps') })).toBeVisible();
      const tabs = settings.getByRole('tab');
      for (let i = 0; i < (await tabs.count()); i++) {
        await tabs.nth(i).click();
        const id = (await tabs.nth(i).getAttribute('id'))!.replace('settings-tab-', '');
        for (const width of id === 'connections' || id === 'shortcuts' ? WIDTHS : [WIDTHS[0]]) {
          await page.setViewportSize({ width, height: 900 });
          await shot(page, `settings-${id}-${tag}-${width}`);
        }
        await axe(page, `settings ${id} ${tag}`);
      }
      await page.keyboard.press('Escape');

      // The sidebar hidden (Ctrl+B) at the narrow width.
      await page.setViewportSize({ width: 800, height: 900 });
      await page.keyboard.press('Control+b');
      await expect(page.getByRole('navigation')).toHaveCount(0);
      await shot(page, `sidebar-hidden-${tag}-800`);
      await axe(page, `sidebar hidden ${tag}`);
      await page.keyboard.press('Control+b');
      await expect(page.getByRole('button', { name: s.newChat })).toBeVisible();
    });
  }
}
