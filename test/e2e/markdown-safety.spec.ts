import { expect, setUpConnection, test } from './support/fixtures';

const HOSTILE_ANSWER = [
  'Here is **bold** and a [good link](https://example.com/docs).',
  '',
  '<img src="x" onerror="window.__pwned = \'img\'">',
  '',
  '<script>window.__pwned = "script"</script>',
  '',
  '<svg onload="window.__pwned = \'svg\'"><circle r="5"/></svg>',
  '',
  '<iframe src="javascript:parent.__pwned = \'iframe\'"></iframe>',
  '',
  '[click me](javascript:window.__pwned=\'link\')',
  '',
  '![remote](https://tracker.example/pixel.png)',
].join('\n');

test('a hostile streamed answer renders as text: no HTML runs, only http(s) links', async ({ page, ferry }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(ferry.host.url);
  await setUpConnection(page, { baseUrl: ferry.fixture.url, key: 'sk-xss-test-0001', model: 'fixture-model' });
  await page.keyboard.press('Escape');

  ferry.fixture.configure({ text: HOSTILE_ANSWER, chunkDelayMs: 5 });
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('show me');
  await composer.press('Enter');
  const answer = page.locator('article[data-role="assistant"]').last();
  await expect(answer).toHaveAttribute('data-status', 'done');

  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  await expect(answer.locator('img, script, svg:not([aria-hidden]), iframe')).toHaveCount(0);
  // The raw HTML is shown to the user as text, not swallowed.
  await expect(answer).toContainText('<script>window.__pwned = "script"</script>');
  await expect(answer.getByRole('link', { name: 'good link' })).toHaveAttribute('href', 'https://example.com/docs');
  await expect(answer.getByRole('link', { name: 'click me' })).toHaveCount(0);
  await expect(answer.getByText('click me')).toBeVisible();
  expect(violations).toEqual([]);
});
