import { cutIntoChunks, longAnswer } from '../bench/stream-answer';
import { expect, setUpConnection, test } from './support/fixtures';

/**
 * The benchmark's long answer streamed through the browser host into the real Markdown worker:
 * it ends fully rendered, and no finished code block is ever on screen without its colours
 * (each arrives highlighted from the worker, the growing one is highlighted as it grows).
 */
test('the long answer streams through the worker into highlighted code, tables and typeset math, with no plain-to-colour flash', async ({ page, ferry }) => {
  const answer = longAnswer();
  await page.goto(ferry.host.url);
  await setUpConnection(page, { baseUrl: ferry.fixture.url, key: 'sk-long-0001', model: 'fixture-model' });
  await page.keyboard.press('Escape');

  await page.evaluate(() => {
    const w = window as unknown as { __plainCode: string[]; __csp: string[] };
    w.__plainCode = [];
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    // After every change: a code block (in a known language) showing code without highlight.js tokens.
    new MutationObserver(() => {
      for (const code of document.querySelectorAll('.code-block code[class*="language-"]:not(.hljs)')) {
        const text = code.textContent ?? '';
        if (text.trim().length > 0) w.__plainCode.push(`${code.closest(".md-tail") ? "tail" : "block"} ${code.className}: ${text.slice(0, 40)} | ${code.innerHTML.slice(0, 80)}`);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });

  ferry.fixture.configure({ text: answer.text, chunks: cutIntoChunks(answer.text, 40), steady: true, chunkDelayMs: 1 });
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Write the long walkthrough');
  await composer.press('Enter');
  const reply = page.locator('article[data-role="assistant"]').last();
  await expect(reply).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  const md = reply.locator('.markdown');
  await expect(md).not.toHaveAttribute('data-md-pending');

  await expect(md.locator('.code-block')).toHaveCount(40);
  await expect(md.locator('.code-block pre code.hljs')).toHaveCount(40);
  await expect(md.getByRole('button', { name: 'Copy code' })).toHaveCount(40);
  await expect(md.locator('table')).toHaveCount(20);
  await expect(md.locator('.katex-display')).toHaveCount(15);
  await expect(md.locator('.katex')).toHaveCount(15 + 95);
  await expect(md.locator('.katex-error')).toHaveCount(0);
  // Finished tables and math are built as DOM, not by React (static-dom.ts): the same wrapper, cell
  // alignment, namespaces and KaTeX's inline styles, set through the CSSOM under the real CSP.
  await expect(md.locator('.md-table-wrap > table')).toHaveCount(20);
  const shape = await md.evaluate((root) => {
    const struts = [...root.querySelectorAll<HTMLElement>('.katex-html .katex-strut')];
    const display = root.querySelector('.katex-display .katex-html')!.getBoundingClientRect();
    return {
      struts: struts.length,
      styled: struts.filter((s) => /em$/.test(s.style.height) && s.getBoundingClientRect().height > 0).length,
      mathml: [...root.querySelectorAll('math')].every((m) => m.namespaceURI === 'http://www.w3.org/1998/Math/MathML'),
      displayBox: display.width > 50 && display.height > 10,
      aligned: [...root.querySelectorAll('th')].map((th) => getComputedStyle(th).textAlign).filter((a) => a === 'right' || a === 'center').length,
    };
  });
  expect(shape.struts).toBeGreaterThanOrEqual(110);
  expect(shape).toEqual({ struts: shape.struts, styled: shape.struts, mathml: true, displayBox: true, aligned: 40 });
  await expect(md).toContainText(answer.markers.at(-1)!);
  await expect(md).not.toContainText('```');

  // Copy still copies a block's code as written, for a block that came highlighted from the worker.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(ferry.host.url).origin });
  const fences = [...answer.text.matchAll(/^```\w+\n([\s\S]*?)\n```$/gm)].map((m) => m[1]);
  expect(fences).toHaveLength(40);
  for (const n of [6, 39]) {
    const block = md.locator('.code-block').nth(n);
    await block.getByRole('button', { name: 'Copy code' }).click();
    await expect(block.getByRole('status')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(fences[n]);
  }

  expect(await page.evaluate(() => (window as unknown as { __plainCode: string[] }).__plainCode)).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  expect(page.workers().map((w) => w.url())).toEqual(expect.arrayContaining([expect.stringMatching(/\/assets\/markdown\.worker-[\w-]+\.js$/)]));
});
