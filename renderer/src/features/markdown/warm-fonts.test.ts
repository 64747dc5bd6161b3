// @vitest-environment jsdom
import { expect, it } from 'vitest';
import { warmFonts } from './warm-fonts';

it('lays out its sample hidden from assistive technology, and leaves nothing behind after a frame', async () => {
  warmFonts();
  const box = document.querySelector('.md-warm-fonts');
  expect(box?.getAttribute('aria-hidden')).toBe('true');
  expect(box?.textContent).toMatch(/标题/);
  await new Promise((r) => setTimeout(r, 100));
  expect(document.querySelector('.md-warm-fonts')).toBeNull();
  // Once per launch.
  warmFonts();
  expect(document.querySelector('.md-warm-fonts')).toBeNull();
});
