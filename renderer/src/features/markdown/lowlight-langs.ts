import type { Root } from 'hast';
import { common, createLowlight } from 'lowlight';

/**
 * highlight.js through lowlight: hast with `hljs-*` classes (no inline styles, no HTML strings), so
 * it renders as React elements under our CSP and themes with plain CSS. `common` is highlight.js's
 * curated set of ~37 everyday languages (ts/js, python, bash, json, yaml, go, rust, java, c/c++,
 * c#, sql, css, html/xml, diff, markdown...). Loaded on first use, in the highlight worker (or as
 * its own chunk on the main thread where workers are unavailable).
 */
const lowlight = createLowlight(common);

/** The highlighted tree, or null for an unknown language (the block stays plain). */
export function highlightTree(code: string, language: string): Root | null {
  const lang = language.toLowerCase();
  if (!lang || !lowlight.registered(lang)) return null;
  try {
    return lowlight.highlight(lang, code);
  } catch {
    return null;
  }
}
