import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { markdownToHast } from './pipeline';

/** The constructs history messages are made of: each one's parser code gets compiled. */
const SAMPLE = [
  '# Title',
  '',
  'Some *emphasis*, **strong**, `code`, a [link](https://example.com) and ~~strike~~.',
  '',
  '- one',
  '- two',
  '',
  '1. first',
  '',
  '> quoted',
  '',
  '| a | b |',
  '|---|---|',
  '| 1 | 2 |',
  '',
  '```',
  'plain()',
  '```',
  '',
  '```ts',
  'const x = 1;',
  '```',
].join('\n');

/**
 * V8 compiles functions on their first call, and the Markdown parser is hundreds of small ones:
 * the first conversation opened after launch paid for compiling them while the user waited.
 * Parsing a small sample once the page is idle after boot moves that cost out of the way.
 */
export function warmUpMarkdownWhenIdle(): void {
  if (typeof requestIdleCallback !== 'function') return;
  requestIdleCallback(
    () => {
      toJsxRuntime(markdownToHast(SAMPLE, 'history'), { Fragment, jsx, jsxs, ignoreInvalidStyle: true, passKeys: true, passNode: true });
    },
    { timeout: 3000 },
  );
}
