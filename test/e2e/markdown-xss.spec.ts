import { XSS_PAYLOADS } from '../fixture/xss-payloads';
import { expect, setUpConnection, test } from './support/fixtures';

/**
 * The whole XSS corpus (test/fixture/xss-payloads.ts) streamed as one answer: nothing runs, no
 * dialog opens, the CSP never has to block anything (nothing even tries), and the app still works.
 */
test('the XSS corpus streams through the renderer without executing anything', async ({ page, ferry }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const consoleViolations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) consoleViolations.push(m.text());
  });
  const popups: string[] = [];
  page.context().on('page', (p) => popups.push(p.url()));

  await page.goto(ferry.host.url);
  await setUpConnection(page, { baseUrl: ferry.fixture.url, key: 'sk-xss-corpus-0001', model: 'fixture-model' });
  await page.keyboard.press('Escape');
  const startPage = new URL(page.url());

  await page.evaluate(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });

  const corpus = XSS_PAYLOADS.map((p) => `### ${p.name}\n\n${p.markdown}`).join('\n\n');
  ferry.fixture.configure({ text: corpus, chunkDelayMs: 2 });
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('attack me');
  await composer.press('Enter');
  const answer = page.locator('article[data-role="assistant"]').last();
  await expect(answer).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  // Give anything that might fire late (onerror, meta refresh, iframe load) a moment.
  await page.waitForTimeout(500);

  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  expect(consoleViolations).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(popups).toEqual([]);
  // No navigation away (the app's own #/c/<id> route may change).
  const now = new URL(page.url());
  expect(now.origin + now.pathname).toBe(startPage.origin + startPage.pathname);

  const markdown = answer.locator('.markdown');
  await expect(markdown.locator('script, iframe, object, embed, meta, base, form, style, link, img')).toHaveCount(0);
  await expect(markdown.locator('[onerror], [onload], [onclick], [ontoggle], [srcdoc]')).toHaveCount(0);
  const hrefs = await markdown.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
  // The hostile HTML is shown as text, and math rendered (with untrusted commands refused).
  await expect(markdown).toContainText('<script>window.__xss=1</script>');
  await expect(markdown.locator('.katex').first()).toBeVisible();

  // Still a working app: the next question gets an answer.
  ferry.fixture.configure({ text: 'All **good**.', chunkDelayMs: 0 });
  await composer.fill('still there?');
  await composer.press('Enter');
  const next = page.locator('article[data-role="assistant"]').last();
  await expect(next).toHaveAttribute('data-status', 'done');
  await expect(next.locator('.markdown strong')).toHaveText('good');
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
});
