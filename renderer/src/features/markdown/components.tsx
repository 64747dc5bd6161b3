import type { Components } from 'react-markdown';
import { useTranslation } from 'react-i18next';
import { CodeBlock } from './CodeBlock';
import { codeLanguage, hastText } from './hast-text';
import { isHttpUrl } from './safe-url';

function Link({ href, children }: { href?: string | undefined; children?: React.ReactNode }) {
  if (!isHttpUrl(href)) return <span className="md-link-inert">{children}</span>;
  // The Electron host sends target=_blank links to the system browser.
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" title={href}>
      {children}
    </a>
  );
}

/** Remote images would leak that the message was read (and from where): show a link instead. */
function Image({ src, alt }: { src?: string | Blob | undefined; alt?: string | undefined }) {
  const { t } = useTranslation();
  const url = typeof src === 'string' ? src : undefined;
  const label = alt || url || '';
  const text = t('markdown.image', { label });
  if (!isHttpUrl(url)) return <span className="md-image-inert">{text}</span>;
  return (
    <a className="md-image-link" href={url} target="_blank" rel="noopener noreferrer" title={url}>
      {text}
    </a>
  );
}

/** Shared by every Markdown render; a module constant so memoized renders see the same object. */
export const markdownComponents: Components = {
  a: ({ href, children }) => <Link href={href}>{children}</Link>,
  img: ({ src, alt }) => <Image src={src} alt={alt} />,
  pre: ({ node }) => <CodeBlock language={codeLanguage(node)} code={hastText(node).replace(/\n$/, '')} />,
  table: ({ children }) => (
    <div className="md-table-wrap">
      <table>{children}</table>
    </div>
  ),
};
