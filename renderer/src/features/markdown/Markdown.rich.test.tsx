// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../i18n';
import { requestHighlight } from './highlight';
import { Markdown } from './Markdown';
import { StreamingMarkdown } from './StreamingMarkdown';

beforeAll(() => {
  initI18n('en');
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('syntax highlighting', () => {
  it('highlights a finished fenced block once the highlighter has loaded', async () => {
    const { container } = render(<Markdown content={'```ts\nconst a: number = 1; // one\n```'} />);
    await waitFor(() => expect(container.querySelector('pre code .hljs-keyword')?.textContent).toBe('const'));
    expect(container.querySelector('pre code .hljs-comment')?.textContent).toBe('// one');
    // Copy still copies the source text, and the text content is unchanged.
    expect(container.querySelector('pre code')?.textContent).toBe('const a: number = 1; // one');
  });

  it('leaves unknown languages plain', async () => {
    await requestHighlight('x', 'ts');
    const { container } = render(<Markdown content={'```nolang\nfoo bar\n```'} />);
    expect(container.querySelector('pre code span')).toBeNull();
    expect(container.querySelector('pre code')?.textContent).toBe('foo bar');
  });

  it('highlights the growing code block as it arrives, and keeps it highlighted when it completes', async () => {
    await requestHighlight('x', 'ts');
    const open = 'Intro\n\n```python\ndef f():\n    return 1\n';
    const { container, rerender } = render(<StreamingMarkdown content={open} />);
    expect(container.querySelector('.md-tail pre code .hljs-keyword')?.textContent).toBe('def');
    rerender(<StreamingMarkdown content={`${open}\`\`\`\n\nAfter`} />);
    // The code block is now complete (a later block started): rendered in full, still highlighted.
    expect(container.querySelector('.md-block:not(.md-tail) pre code .hljs-keyword')?.textContent).toBe('def');
    rerender(<StreamingMarkdown content={`${open}\`\`\`\n\nAfter`} live={false} />);
    expect(container.querySelector('pre code .hljs-keyword')).not.toBeNull();
    expect(container.querySelector('pre code')?.textContent).toBe('def f():\n    return 1');
  });
});

describe('math', () => {
  it('renders $, $$, \\( \\) and \\[ \\] with KaTeX', () => {
    const { container } = render(
      <Markdown content={'Inline $a^2$ and \\(b_1\\).\n\n$$\n\\int_0^1 x\\,dx\n$$\n\n\\[\n\\frac{1}{2}\n\\]'} />,
    );
    expect(container.querySelectorAll('.katex').length).toBe(4);
    expect(container.querySelectorAll('.katex-display').length).toBe(2);
    expect(container.querySelector('[style]')).not.toBeNull(); // KaTeX layout via style objects
  });

  it('shows the growing block as source, then renders it when complete', () => {
    const { container, rerender } = render(<StreamingMarkdown content={'Inline $a^2$ here'} />);
    expect(container.querySelector('.katex')).toBeNull();
    expect(container.textContent).toContain('$a^2$');
    rerender(<StreamingMarkdown content={'Inline $a^2$ here'} live={false} />);
    expect(container.querySelector('.katex')).not.toBeNull();
  });

  it('does not treat code as math', () => {
    const { container } = render(<Markdown content={'`$x$` and `\\(y\\)`\n\n```\n$$z$$\n```'} />);
    expect(container.querySelector('.katex')).toBeNull();
  });
});

describe('links', () => {
  it('asks before opening a web link, and opens it without opener', () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const { getByRole, queryByRole } = render(<Markdown content={'[docs](https://example.com/docs)'} />);
    fireEvent.click(getByRole('link', { name: 'docs' }));
    const dialog = getByRole('alertdialog', { name: 'Open this link in your browser?' });
    expect(dialog.textContent).toContain('https://example.com/docs');
    expect(open).not.toHaveBeenCalled();
    act(() => {
      fireEvent.click(getByRole('button', { name: 'Cancel' }));
    });
    expect(queryByRole('alertdialog')).toBeNull();
    expect(open).not.toHaveBeenCalled();

    fireEvent.click(getByRole('link', { name: 'docs' }));
    fireEvent.click(getByRole('button', { name: 'Open' }));
    expect(open).toHaveBeenCalledWith('https://example.com/docs', '_blank', 'noopener,noreferrer');
    expect(queryByRole('alertdialog')).toBeNull();
  });

  it('renders javascript:, file:, data: and custom-scheme links as text', () => {
    const { container } = render(
      <Markdown content={'[a](javascript:alert(1)) [b](file:///etc/passwd) [c](data:text/html,x) [d](ms-settings:x)'} />,
    );
    expect(container.querySelector('a')).toBeNull();
    expect(container.querySelectorAll('.md-link-inert').length).toBe(4);
  });
});

describe('GFM', () => {
  it('renders tables, task lists and strikethrough', () => {
    const { container } = render(<Markdown content={'| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n~~old~~'} />);
    expect(container.querySelectorAll('table td').length).toBe(2);
    expect(container.querySelectorAll('input[type="checkbox"]').length).toBe(2);
    expect(container.querySelector('del')?.textContent).toBe('old');
  });
});
