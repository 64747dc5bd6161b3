import { memo, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Element, Root } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { useTranslation } from '../../i18n/use-translation';
import { CopyButton } from '../../ui/CopyButton';
import { peekHighlight, requestHighlight } from './highlight';
import type { CodePiece } from './stream-renderer';

interface CodeBlockProps {
  language: string;
  /** The code as text: what Copy copies. */
  code: string;
  /** highlight.js tokens made already (by the Markdown worker): the element's children are rendered. */
  tokens?: Root | Element | undefined;
  /** Code still arriving (or too long to parse), in pieces each rendered once; `code` is then ignored. */
  pieces?: readonly CodePiece[] | undefined;
  /** highlight.js tokens built as DOM already (a finished streamed block, static-dom.ts): put in as they are. */
  nodes?: readonly Node[] | undefined;
  /** Without tokens: highlight later, in the worker (history). */
  highlight?: boolean;
}

const toReact = (tree: Root | Element) => toJsxRuntime({ type: 'root', children: tree.children }, { Fragment, jsx, jsxs });

/** Highlighted code as React elements (spans with hljs-* classes), or null while it stays plain. */
function useHighlightedLater(code: string, language: string, enabled: boolean): ReactNode | null {
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

  return useMemo(() => (tree ? toReact(tree) : null), [tree]);
}

/** One piece of growing code: its tokens, or its text. Memoized, so only the last piece re-renders. */
const Piece = memo(function Piece({ piece }: { piece: CodePiece }) {
  return useMemo(() => (piece.tree ? toReact(piece.tree) : piece.text), [piece]);
});

function CodeBody({ code, language, tokens, nodes, pieces, highlight }: Required<Pick<CodeBlockProps, 'code' | 'language'>> & CodeBlockProps) {
  const later = useHighlightedLater(code, language, !!highlight && !tokens && !nodes && !pieces);
  const now = useMemo(() => (tokens ? toReact(tokens) : null), [tokens]);
  // React renders no children into the element then, so it never touches these; a remount moves them.
  const place = useCallback((el: HTMLElement | null) => nodes && el?.replaceChildren(...nodes), [nodes]);
  const highlighted = !!tokens || !!nodes || !!later || !!pieces?.some((p) => p.tree);
  const className = [language ? `language-${language}` : '', highlighted ? 'hljs' : ''].filter(Boolean).join(' ') || undefined;
  if (nodes) return <code className={className} ref={place} />;
  return <code className={className}>{pieces ? pieces.map((piece, i) => <Piece key={i} piece={piece} />) : (now ?? later ?? code)}</code>;
}

/** A fenced code block: language label, Copy button, horizontally scrollable body. */
export const CodeBlock = memo(function CodeBlock(props: CodeBlockProps) {
  const { t } = useTranslation();
  const { language, code, pieces } = props;
  return (
    <div className="code-block">
      <div className="code-header">
        <span className="code-lang">{language || t('markdown.code')}</span>
        <CopyButton getText={() => (pieces ? pieces.map((p) => p.text).join('') : code)} label={t('markdown.copyCode')} showLabel className="code-copy" />
      </div>
      <pre>
        <CodeBody {...props} />
      </pre>
    </div>
  );
});
