import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Serious or critical WCAG 2.1 A/AA violations in the page (or in what `selector` holds), one line each naming the rule and where. */
async function seriousViolations(page: Page, selector?: string) {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const results = await (selector ? builder.include(selector) : builder).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
  return { serious, passes: results.passes.length };
}

/** An axe scan of what `selector` holds: a serious or critical violation fails the test, so the failure says what to fix. */
export async function expectNoSeriousAxeViolations(page: Page, selector: string, what: string) {
  const { serious, passes } = await seriousViolations(page, selector);
  expect(serious, `axe on ${what}`).toEqual([]);
  // A scan that checked nothing would pass anything.
  expect(passes, `axe checked rules on ${what}`).toBeGreaterThan(5);
}

/** The same over the whole page, naming the screen. */
export async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const { serious } = await seriousViolations(page);
  expect(serious, serious.map((line) => `${screen}: ${line}`).join('\n')).toEqual([]);
}
