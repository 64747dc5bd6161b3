import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * An axe scan of what `selector` holds (WCAG 2.x A/AA rules): a serious or critical violation fails
 * the test, listed with the rule and the elements, so the failure says what to fix.
 */
export async function expectNoSeriousAxeViolations(page: Page, selector: string, what: string) {
  const results = await new AxeBuilder({ page }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${what}`).toEqual([]);
  // A scan that checked nothing would pass anything.
  expect(results.passes.length, `axe checked rules on ${what}`).toBeGreaterThan(5);
}
