import { useState, type MouseEvent, type ReactNode } from 'react';
import type { Element } from 'hast';
import type { Components } from 'hast-util-to-jsx-runtime';
import { useTranslation } from '../../i18n/use-translation';
import { CodeBlock } from './CodeBlock';
import { codeElementOf, codeLanguageOf, hastText, isHighlighted } from './hast-text';
import { LinkConfirm } from './LinkConfirm';
import { isHttpUrl } from './safe-url';

/**
 * A web link that asks before leaving: a click (or middle-click) shows the URL with Open/Cancel.
 * The href stays on the element so the user can hover it; the default navigation never runs.
 */
function ExternalLink({ href, className, children }: { href: string; className?: string; children?: ReactNode }) {
  const [confirming, setConfirming] = useState(false);
  const ask = (e: MouseEvent) => {
    e.preventDefault();
    setConfirming(true);
  };
  return (
    <>
      <a className={className} href={href} target="_blank" rel="noopener noreferrer" title={href} onClick={ask} onAuxClick={ask}>
        {children}
      </a>
      {confirming && <LinkConfirm url={href} onClose={() => setConfirming(false)} />}
    </>
  );
}

function Link({ href, children }: { href?: string | undefined; children?: ReactNode }) {
  if (!isHttpUrl(href)) return <span className="md-link-inert">{children}</span>;
  return <ExternalLink href={href}>{children}</ExternalLink>;
}

/** Remote images would leak that the message was read (and from where): show a link instead. */
function Image({ src, alt }: { src?: string | undefined; alt?: string | undefined }) {
  const { t } = useTranslation();
  const label = alt || src || '';
  const text = t('markdown.image', { label });
  if (!isHttpUrl(src)) return <span className="md-image-inert">{text}</span>;
  return (
    <ExternalLink className="md-image-link" href={src}>
      {text}
    </ExternalLink>
  );
}

type Props<T extends keyof Components> = Parameters<Extract<Components[T], (props: never) => unknown>>[0] & { node?: Element };

/** A fenced block from the pipeline: tokens if it highlighted them, else plain (or highlighted later). */
function FencedCode({ node, highlightLater }: { node?: Element | undefined; highlightLater: boolean }) {
  const code = codeElementOf(node);
  const text = hastText(code).replace(/\n$/, '');
  const tokens = isHighlighted(code) ? code : undefined;
  return <CodeBlock language={codeLanguageOf(code)} code={text} tokens={tokens} highlight={highlightLater} />;
}

const shared = {
  a: ({ href, children }: Props<'a'>) => <Link href={typeof href === 'string' ? href : undefined}>{children}</Link>,
  img: ({ src, alt }: Props<'img'>) => <Image src={typeof src === 'string' ? src : undefined} alt={typeof alt === 'string' ? alt : undefined} />,
  table: ({ children }: Props<'table'>) => (
    <div className="md-table-wrap">
      <table>{children}</table>
    </div>
  ),
};

/**
 * For finished Markdown. Code the pipeline did not highlight (history is parsed on the main thread
 * without it, so the first paint doesn't wait) is highlighted in the worker afterwards. Module
 * constants, so memoized renders see the same object.
 */
export const markdownComponents: Partial<Components> = {
  ...shared,
  pre: ({ node }: Props<'pre'>) => <FencedCode node={node} highlightLater />,
};

/** For the block still growing: whatever the worker highlighted, nothing later (the text changes on every update). */
export const tailComponents: Partial<Components> = {
  ...shared,
  pre: ({ node }: Props<'pre'>) => <FencedCode node={node} highlightLater={false} />,
};
