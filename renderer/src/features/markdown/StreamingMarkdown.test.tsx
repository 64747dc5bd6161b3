// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n';
import { StreamingMarkdown } from './StreamingMarkdown';

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
