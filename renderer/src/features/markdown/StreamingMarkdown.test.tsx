// @vitest-environment jsdom
import { cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n';
import { setRenderBackend } from './render-backend';
import { StreamingMarkdown } from './StreamingMarkdown';
import { asyncBackend } from './test-backends';

beforeAll(() => {
  initI18n('en');
});
afterEach(cleanup);

describe('the growing tail', () => {
  it('shows an open code fence as a plain code block, then the real one once it closes', () => {
    const start = 'Intro.\n\n```ts\nconst a = 1;\nconst b = <b>;\n';
    const { container, rerender } = render(<StreamingMarkdown content={start} />);
    const tail = container.querySelector('.md-tail')!;
    expect(tail.querySelector('.code-block .code-lang')?.textContent).toBe('ts');
    expect(tail.querySelector('pre code')?.textContent).toBe('const a = 1;\nconst b = <b>;');
    expect(tail.querySelector('b')).toBeNull();

    rerender(<StreamingMarkdown content={`${start}\`\`\`\n\nAfter.`} />);
    const code = container.querySelector('.md-block:not(.md-tail) pre code');
    expect(code?.textContent).toBe('const a = 1;\nconst b = <b>;');
    expect(container.querySelector('.md-tail')?.textContent).toBe('After.');
  });

  it('shows a table still arriving as its source, and as a table once complete', () => {
    const start = 'Intro.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    const { container, rerender } = render(<StreamingMarkdown content={start} />);
    expect(container.querySelector('.md-tail pre.md-plain-tail')?.textContent).toBe('| a | b |\n|---|---|\n| 1 | 2 |');
    expect(container.querySelector('table')).toBeNull();

    rerender(<StreamingMarkdown content={`${start}\nAfter.`} />);
    expect(container.querySelector('table td')?.textContent).toBe('1');
  });

  it('renders a finished answer with the real renderer', () => {
    const { container } = render(<StreamingMarkdown content={'```ts\nconst a = 1;\n'} live={false} />);
    expect(container.querySelector('.code-block pre code')?.textContent).toBe('const a = 1;');
  });
});

describe('through the worker (answers arrive asynchronously)', () => {
  beforeEach(() => setRenderBackend(asyncBackend));
  afterEach(() => setRenderBackend(null));

  it('shows each update once its render is back; the finished answer is marked pending until its final render', async () => {
    const { container, rerender } = render(<StreamingMarkdown content="" />);
    rerender(<StreamingMarkdown content="Intro with $a^2$" />);
    // Math in the growing block is shown as its source.
    await waitFor(() => expect(container.querySelector('.md-tail')?.textContent).toBe('Intro with $a^2$'));
    expect(container.querySelector('.katex')).toBeNull();
    const start = 'Intro with $a^2$.\n\n```ts\nconst a = 1;\n';
    rerender(<StreamingMarkdown content={start} />);
    // The finished paragraph is typeset, the growing code block highlighted.
    await waitFor(() => expect(container.querySelector('.md-tail pre code .hljs-keyword')?.textContent).toBe('const'));
    expect(container.querySelector('.md-block:not(.md-tail) .katex')).not.toBeNull();
    expect(container.querySelector('[data-md-pending]')).toBeNull();

    rerender(<StreamingMarkdown content={`${start}\`\`\`\n\nDone.`} live={false} />);
    expect(container.querySelector('.markdown')?.hasAttribute('data-md-pending')).toBe(true);
    await waitFor(() => expect(container.querySelector('[data-md-pending]')).toBeNull());
    expect(container.querySelector('.katex')).not.toBeNull();
    expect(container.querySelector('pre code.hljs .hljs-keyword')?.textContent).toBe('const');
    expect(container.querySelector('.md-tail')).toBeNull();
    expect(container.textContent).toContain('Done.');
  });
});
