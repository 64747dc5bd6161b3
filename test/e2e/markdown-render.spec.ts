import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, setAppearance, setUpConnection, test } from './support/fixtures';

const SHOTS = resolve(import.meta.dirname, '../../test-results/screens');

const RICH_ANSWER = [
  '## Streaming Markdown',
  '',
  'Some ~~old~~ **new** text with `inline code`, inline math $E = mc^2$ and \\(a^2 + b^2 = c^2\\).',
  '',
  '```ts',
  'interface User { id: number; name: string }',
  '// Greets a user',
  'export function greet(user: User): string {',
  '  return `Hello, ${user.name}!`;',
  '}',
  '```',
  '',
  '```python',
  'def fib(n: int) -> int:',
  '    """Return the n-th Fibonacci number."""',
  '    return n if n < 2 else fib(n - 1) + fib(n - 2)',
  '```',
  '',
  '```bash',
  'for f in *.log; do',
  '  echo "compressing $f" && gzip -9 "$f"',
  'done',
  '```',
  '',
  '| Language | Typed | Year |',
  '|----------|:-----:|-----:|',
  '| TypeScript | yes | 2012 |',
  '| Python | gradual | 1991 |',
  '',
  '- [x] highlight code',
  '- [ ] ship it',
  '',
  'Display math:',
  '',
  '$$',
  '\\int_0^1 x^2\\,dx = \\frac{1}{3}',
  '$$',
  '',
  '\\[',
  '\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}',
  '\\]',
  '',
  'See [the docs](https://example.com/docs).',
].join('\n');

const chooseTheme = (page: Page, theme: 'light' | 'dark') => setAppearance(page, { theme });

test('a streamed answer with code, a table, a task list and math renders highlighted and typeset', async ({ page, ferry }) => {
  await page.setViewportSize({ width: 1100, height: 1400 });
  await page.goto(ferry.host.url);
  await setUpConnection(page, { baseUrl: ferry.fixture.url, key: 'sk-markdown-0001', model: 'fixture-model' });
  await page.keyboard.press('Escape');
  await chooseTheme(page, 'light');

  ferry.fixture.configure({ text: RICH_ANSWER, chunkDelayMs: 3 });
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Show me rich Markdown');
  await composer.press('Enter');
  const answer = page.locator('article[data-role="assistant"]').last();
  await expect(answer).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  const md = answer.locator('.markdown');

  // Fenced code: still `pre code`, now with highlight.js tokens in each completed block.
  const blocks = md.locator('pre code');
  await expect(blocks).toHaveCount(3);
  await expect(md.locator('pre code.language-ts .hljs-keyword').first()).toBeVisible();
  await expect(md.locator('pre code.language-ts .hljs-comment')).toHaveText('// Greets a user');
  await expect(md.locator('pre code.language-python .hljs-keyword').first()).toHaveText('def');
  await expect(md.locator('pre code.language-python .hljs-string').first()).toContainText('Fibonacci');
  await expect(md.locator('pre code.language-bash .hljs-built_in, pre code.language-bash .hljs-keyword').first()).toBeVisible();
  await expect(md.getByRole('button', { name: 'Copy code' })).toHaveCount(3);
  // Parsing and highlighting ran off the main thread, in the bundled same-origin worker.
  expect(page.workers().map((w) => w.url())).toEqual(expect.arrayContaining([expect.stringMatching(/\/assets\/markdown\.worker-[\w-]+\.js$/)]));

  // GFM.
  await expect(md.locator('table th')).toHaveCount(3);
  await expect(md.locator('table td').first()).toHaveText('TypeScript');
  await expect(md.locator('input[type="checkbox"]')).toHaveCount(2);
  await expect(md.locator('input[type="checkbox"]').first()).toBeChecked();
  await expect(md.locator('del')).toHaveText('old');

  // Math: two inline ($ and \( \)), two display ($$ and \[ \]).
  await expect(md.locator('.katex')).toHaveCount(4);
  await expect(md.locator('.katex-display')).toHaveCount(2);
  await expect(md).not.toContainText('\\(');
  // KaTeX fonts come from our own origin (bundled by Vite).
  await expect.poll(() => page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);

  await page.screenshot({ path: `${SHOTS}/markdown-light-en.png`, fullPage: true });
  await chooseTheme(page, 'dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: `${SHOTS}/markdown-dark-en.png`, fullPage: true });

  // A link shows where it goes before leaving; Cancel stays in the app.
  await md.getByRole('link', { name: 'the docs' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Open this link in your browser?' });
  await expect(confirm).toContainText('https://example.com/docs');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
});

test('the caret at the end of a streaming answer holds still while its text arrives', async ({ page, ferry }) => {
  test.setTimeout(90_000);
  await page.goto(ferry.host.url);
  await setUpConnection(page, { baseUrl: ferry.fixture.url, key: 'sk-markdown-0002', model: 'fixture-model' });
  await page.keyboard.press('Escape');
  const text = Array.from({ length: 400 }, (_, i) => `Sentence ${i} of a paragraph that keeps growing.`).join(' ');
  ferry.fixture.configure({ text, chunks: text.match(/.{1,40}/g)!, steady: true, chunkDelayMs: 40 });
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Write a long paragraph');
  await composer.press('Enter');
  const reply = page.locator('article[data-role="assistant"]').last();
  await expect(reply.locator('.md-tail')).toContainText('Sentence 3 ');
  await expect(reply).toHaveAttribute('data-status', 'streaming');
  // Drawn, and not animated: a blink there was a style pass on every frame of the stream.
  const caret = await reply.locator('.md-tail > :last-child').evaluate((el) => {
    const after = getComputedStyle(el, '::after');
    return { content: after.content, width: parseFloat(after.width), animation: after.animationName };
  });
  expect(caret.content).toBe('""');
  expect(caret.width).toBeGreaterThan(0);
  expect(caret.animation).toBe('none');
  await page.screenshot({ path: resolve(SHOTS, 'streaming-caret-en.png') });
});

test('a list mixing tasks with plain items keeps its bullets; a list of tasks only shows just checkboxes', async ({ page, ferry }) => {
  await page.goto(ferry.host.url);
  await setUpConnection(page, { baseUrl: ferry.fixture.url, key: 'sk-markdown-0003', model: 'fixture-model' });
  await page.keyboard.press('Escape');
  const text = ['Mixed:', '', '- **Step 1** plain item', '- [x] a task done', '- [ ] a task to do', '', 'Tasks only:', '', '- [x] first', '- [ ] second', '', 'The end.'].join('\n');
  ferry.fixture.configure({ text, chunkDelayMs: 3 });
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('A checklist');
  await composer.press('Enter');
  const reply = page.locator('article[data-role="assistant"]').last();
  await expect(reply).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(reply.locator('.markdown')).not.toHaveAttribute('data-md-pending');
  await expect(reply.locator('.markdown ul')).toHaveCount(2);
  const lists = await reply.locator('.markdown ul').evaluateAll((uls) =>
    uls.map((ul) => {
      const items = [...ul.children] as HTMLElement[];
      // Where the item's first visible character is drawn.
      const textLeft = (li: HTMLElement) => {
        const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent!.search(/\S/);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          return range.getBoundingClientRect().left;
        }
        return NaN;
      };
      return {
        markers: items.map((li) => getComputedStyle(li).listStyleType),
        // Where each item's text starts, and its checkbox, relative to the list's own left edge.
        text: items.map((li) => Math.round(textLeft(li) - ul.getBoundingClientRect().left)),
        boxes: items.map((li) => (li.querySelector('input') ? Math.round(li.querySelector('input')!.getBoundingClientRect().left - ul.getBoundingClientRect().left) : null)),
      };
    }),
  );
  expect(lists).toHaveLength(2);
  const [mixed, tasks] = lists;
  expect(mixed!.markers).toEqual(['disc', 'none', 'none']);
  expect(tasks!.markers).toEqual(['none', 'none']);
  // In the mixed list the texts line up and the checkboxes sit in the bullets' column, left of the text.
  expect(Math.abs(mixed!.text[1]! - mixed!.text[0]!)).toBeLessThanOrEqual(1);
  expect(Math.abs(mixed!.text[2]! - mixed!.text[0]!)).toBeLessThanOrEqual(1);
  expect(mixed!.boxes[1]!).toBeLessThan(mixed!.text[0]! - 8);
  // A list of tasks only starts nearly flush with the paragraphs around it.
  expect(tasks!.boxes[0]!).toBeLessThanOrEqual(8);
  await reply.screenshot({ path: resolve(SHOTS, 'markdown-task-lists-en.png') });
});
