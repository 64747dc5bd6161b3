// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n';
import { Markdown } from './Markdown';
import { StreamingMarkdown } from './StreamingMarkdown';

beforeAll(() => {
  initI18n('en');
});
afterEach(cleanup);

const hostile = [
  'Hello <script>alert(1)</script>',
  '',
  '<img src=x onerror="alert(1)">',
  '',
  '<iframe src="https://evil.example"></iframe>',
  '',
  '[click](javascript:alert(1)) and [file](file:///etc/passwd) and [ok](https://example.com)',
  '',
  '![tracker](https://evil.example/pixel.png)',
].join('\n');

describe.each([
  ['finished', (text: string) => <Markdown content={text} />],
  ['streaming', (text: string) => <StreamingMarkdown content={text} />],
])('%s markdown sanitizing', (_name, renderIt) => {
  it('never turns raw HTML into elements', () => {
    const { container } = render(renderIt(hostile));
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('iframe')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    // Shown as text instead, so the user still sees what the model wrote.
    expect(container.textContent).toContain('<script>alert(1)</script>');
  });

  it('keeps only http(s) links, opening in a new window without opener', () => {
    const { container } = render(renderIt(hostile));
    const hrefs = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs.some((h) => h?.startsWith('javascript:'))).toBe(false);
    expect(hrefs.some((h) => h?.startsWith('file:'))).toBe(false);
    const ok = container.querySelector('a[href="https://example.com"]');
    expect(ok?.getAttribute('target')).toBe('_blank');
    expect(ok?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(container.textContent).toContain('click');
  });

  it('renders a remote image as a link to it, not an <img>', () => {
    const { container } = render(renderIt(hostile));
    const link = container.querySelector('a[href="https://evil.example/pixel.png"]');
    expect(link?.textContent).toContain('tracker');
  });
});

describe('code blocks', () => {
  it('shows the language and a Copy button', () => {
    const { container, getByRole } = render(<Markdown content={'```ts\nconst a = 1;\n```'} />);
    expect(container.querySelector('.code-lang')?.textContent).toBe('ts');
    expect(container.querySelector('pre code')?.textContent).toBe('const a = 1;');
    expect(getByRole('button', { name: 'Copy code' })).toBeTruthy();
  });
});
