// @vitest-environment jsdom
import { cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { XSS_PAYLOADS } from '../../../../test/fixture/xss-payloads';
import { initI18n } from '../../i18n';
import { Markdown } from './Markdown';
import { setRenderBackend } from './render-backend';
import { StreamingMarkdown } from './StreamingMarkdown';
import { asyncBackend } from './test-backends';

beforeAll(() => {
  initI18n('en');
});
afterEach(cleanup);

const FORBIDDEN_TAGS = 'script, iframe, object, embed, frame, frameset, meta, base, link, style, form, button:not(.code-copy), input:not([type="checkbox"]), textarea, select, video, audio, source, portal, template, noscript, foreignObject';
const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'poster', 'background'];

/** Everything a payload could use to run code, load something remote or navigate. */
function problems(root: HTMLElement): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll(FORBIDDEN_TAGS)) found.push(`<${el.tagName.toLowerCase()}>`);
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${el.tagName} ${name}`);
      if (name === 'srcdoc') found.push(`${el.tagName} srcdoc`);
      if (URL_ATTRS.includes(name) || name.endsWith(':href')) {
        const value = attr.value.trim();
        if (!/^https?:\/\//i.test(value)) found.push(`${el.tagName} ${name}=${value}`);
        if (el.tagName === 'IMG') found.push(`remote img ${value}`);
      }
      // KaTeX's own inline styles are layout only; a url() would be a remote fetch.
      if (name === 'style' && /url\(|expression|javascript:/i.test(attr.value)) found.push(`${el.tagName} style=${attr.value}`);
      if (name === 'id' && el.closest('.katex')) found.push(`katex id=${attr.value}`);
    }
  }
  for (const img of root.querySelectorAll('img')) found.push(`img ${img.getAttribute('src') ?? ''}`);
  return found;
}

describe('XSS corpus', () => {
  it('has at least 30 payloads', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(30);
  });

  describe.each([
    ['finished', (text: string) => <Markdown content={text} />],
    ['streaming', (text: string) => <StreamingMarkdown content={text} />],
    ['streamed, done', (text: string) => <StreamingMarkdown content={text} live={false} />],
  ])('%s', (_mode, renderIt) => {
    it.each(XSS_PAYLOADS.map((p) => [p.name, p.markdown]))('%s renders inert', (_name, markdown) => {
      const { container } = render(renderIt(markdown));
      expect(problems(container)).toEqual([]);
      // Links that survive are web links only, and they ask before leaving.
      for (const a of container.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
    });

    it('the whole corpus at once renders inert', () => {
      const { container } = render(renderIt(XSS_PAYLOADS.map((p) => p.markdown).join('\n\n')));
      expect(problems(container)).toEqual([]);
    });
  });

  // The worker's path: the text streams in (in three pieces), each render comes back later, and the
  // finished answer is checked once its final render is on screen.
  describe('streamed through the worker', () => {
    const streamed = async (markdown: string) => {
      setRenderBackend(asyncBackend);
      try {
        const { container, rerender } = render(<StreamingMarkdown content="" />);
        const third = Math.ceil(markdown.length / 3);
        for (const end of [third, 2 * third]) {
          rerender(<StreamingMarkdown content={markdown.slice(0, end)} />);
          await waitFor(() => expect(container.querySelector('.markdown')).not.toBeNull());
          expect(problems(container)).toEqual([]);
        }
        rerender(<StreamingMarkdown content={markdown} live={false} />);
        await waitFor(() => expect(container.querySelector('[data-md-pending]')).toBeNull());
        return container;
      } finally {
        setRenderBackend(null);
      }
    };

    it.each(XSS_PAYLOADS.map((p) => [p.name, p.markdown]))('%s renders inert', async (_name, markdown) => {
      const container = await streamed(markdown);
      expect(container.textContent?.trim()).not.toBe('');
      expect(problems(container)).toEqual([]);
      for (const a of container.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
    });

    it('the whole corpus at once renders inert', async () => {
      const container = await streamed(XSS_PAYLOADS.map((p) => p.markdown).join('\n\n'));
      expect(problems(container)).toEqual([]);
    });
  });

  it('KaTeX refuses untrusted commands instead of making links or classes', () => {
    const { container } = render(<Markdown content={'$\\href{javascript:alert(1)}{click}$ and $\\htmlClass{evil}{x}$'} />);
    expect(container.querySelector('a')).toBeNull();
    expect(container.querySelector('.evil')).toBeNull();
    expect(container.querySelector('.katex-error, .katex')).not.toBeNull();
  });
});
