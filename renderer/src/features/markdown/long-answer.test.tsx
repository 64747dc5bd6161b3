// @vitest-environment jsdom
import { cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { longAnswer } from '../../../../test/bench/stream-answer';
import { initI18n } from '../../i18n';
import { Markdown } from './Markdown';
import { setRenderBackend } from './render-backend';
import { StreamingMarkdown } from './StreamingMarkdown';
import { asyncBackend } from './test-backends';

beforeAll(() => {
  initI18n('en');
});
afterEach(() => {
  cleanup();
  setRenderBackend(null);
});

/**
 * The benchmark's long answer (40 fenced code blocks in 6 languages, 20 tables, 15 display
 * formulas and 95 inline ones, nested lists, quotes, Chinese), rendered the way it is shown.
 */
const answer = longAnswer();

function expectFullyRendered(root: HTMLElement) {
  expect(root.querySelectorAll('.code-block')).toHaveLength(40);
  // Every block highlighted (6 languages, all known to highlight.js), with its Copy button.
  expect(root.querySelectorAll('.code-block pre code.hljs')).toHaveLength(40);
  expect(root.querySelectorAll('.code-block .code-copy')).toHaveLength(40);
  expect(new Set([...root.querySelectorAll('.code-block .code-lang')].map((l) => l.textContent))).toEqual(new Set(['ts', 'python', 'rust', 'go', 'sql', 'bash']));
  expect(root.querySelectorAll('table')).toHaveLength(20);
  expect(root.querySelectorAll('.md-table-wrap > table > tbody > tr').length).toBeGreaterThanOrEqual(80);
  expect(root.querySelectorAll('.katex-display')).toHaveLength(15);
  expect(root.querySelectorAll('.katex')).toHaveLength(15 + 95);
  expect(root.querySelectorAll('.katex-error')).toHaveLength(0);
  expect(root.querySelectorAll('blockquote')).toHaveLength(10);
  expect(root.querySelectorAll('ul ol, ol ul')).not.toHaveLength(0);
  expect(root.querySelectorAll('input[type="checkbox"]')).toHaveLength(14);
  // No Markdown source left over, and the last words are there.
  expect(root.textContent).not.toContain('```');
  expect(root.textContent).not.toContain('$$');
  expect(root.textContent).toContain(answer.markers.at(-1));
}

describe('the long answer', () => {
  // 200 updates and a full render of 80,000 characters in jsdom: ~11 s on a loaded 2-core machine.
  it('streamed through the worker in 400-character updates, then finished', { timeout: 90_000 }, async () => {
    setRenderBackend(asyncBackend);
    const { container, rerender } = render(<StreamingMarkdown content="" />);
    for (let end = 400; end < answer.text.length; end += 400) {
      rerender(<StreamingMarkdown content={answer.text.slice(0, end)} />);
      await Promise.resolve();
    }
    rerender(<StreamingMarkdown content={answer.text} live={false} />);
    await waitFor(() => expect(container.querySelector('[data-md-pending]')).toBeNull(), { timeout: 60_000 });
    expectFullyRendered(container);
  });

  it('loaded from history, in one pass (code highlighted afterwards)', { timeout: 90_000 }, async () => {
    const { container } = render(
      <div className="markdown">
        <Markdown content={answer.text} />
      </div>,
    );
    await waitFor(() => expect(container.querySelectorAll('.code-block pre code.hljs')).toHaveLength(40), { timeout: 60_000 });
    expectFullyRendered(container);
  });
});
