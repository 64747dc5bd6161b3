import { useState, type MouseEvent, type ReactNode } from 'react';
import type { Components } from 'react-markdown';
import { useTranslation } from 'react-i18next';
import { CodeBlock } from './CodeBlock';
import { codeLanguage, hastText } from './hast-text';
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
function Image({ src, alt }: { src?: string | Blob | undefined; alt?: string | undefined }) {
  const { t } = useTranslation();
  const url = typeof src === 'string' ? src : undefined;
  const label = alt || url || '';
  const text = t('markdown.image', { label });
  if (!isHttpUrl(url)) return <span className="md-image-inert">{text}</span>;
  return (
    <ExternalLink className="md-image-link" href={url}>
      {text}
    </ExternalLink>
  );
}

const shared: Components = {
  a: ({ href, children }) => <Link href={href}>{children}</Link>,
  img: ({ src, alt }) => <Image src={src} alt={alt} />,
  table: ({ children }) => (
    <div className="md-table-wrap">
      <table>{children}</table>
    </div>
  ),
};

/** For finished Markdown; a module constant so memoized renders see the same object. */
export const markdownComponents: Components = {
  ...shared,
  pre: ({ node }) => <CodeBlock language={codeLanguage(node)} code={hastText(node).replace(/\n$/, '')} />,
};

/** For the block still streaming: code stays plain until the block is complete. */
export const liveMarkdownComponents: Components = {
  ...shared,
  pre: ({ node }) => <CodeBlock language={codeLanguage(node)} code={hastText(node).replace(/\n$/, '')} highlight={false} />,
};
