import { memo, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Root } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../ui/CopyButton';
import { peekHighlight, requestHighlight } from './highlight';

interface CodeBlockProps {
  language: string;
  code: string;
  /** False for the block still streaming: it stays plain until it is complete, then is highlighted once. */
  highlight?: boolean;
}

/** Highlighted code as React elements (spans with hljs-* classes), or null while it stays plain. */
function useHighlighted(code: string, language: string, enabled: boolean): ReactNode | null {
  const wanted = enabled && language !== '';
  const [result, setResult] = useState<{ code: string; language: string; tree: Root | null } | null>(null);
  const current = result && result.code === code && result.language === language ? result.tree : undefined;
  const tree = !wanted ? null : current !== undefined ? current : (peekHighlight(code, language) ?? null);

  useEffect(() => {
    if (!wanted || peekHighlight(code, language) !== undefined) return;
    let alive = true;
    void requestHighlight(code, language).then((highlighted) => {
      if (alive) setResult({ code, language, tree: highlighted });
    });
    return () => {
      alive = false;
    };
  }, [code, language, wanted]);

  return useMemo(() => (tree ? toJsxRuntime(tree, { Fragment, jsx, jsxs }) : null), [tree]);
}

/** A fenced code block: language label, Copy button, horizontally scrollable body. */
export const CodeBlock = memo(function CodeBlock({ language, code, highlight = true }: CodeBlockProps) {
  const { t } = useTranslation();
  const highlighted = useHighlighted(code, language, highlight);
  return (
    <div className="code-block">
      <div className="code-header">
        <span className="code-lang">{language || t('markdown.code')}</span>
        <CopyButton getText={() => code} label={t('markdown.copyCode')} showLabel className="code-copy" />
      </div>
      <pre>
        <code className={[language ? `language-${language}` : '', highlighted ? 'hljs' : ''].filter(Boolean).join(' ') || undefined}>
          {highlighted ?? code}
        </code>
      </pre>
    </div>
  );
});
