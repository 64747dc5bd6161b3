import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../ui/CopyButton';

interface CodeBlockProps {
  language: string;
  code: string;
}

/** A fenced code block: language label, Copy button, horizontally scrollable body. */
export const CodeBlock = memo(function CodeBlock({ language, code }: CodeBlockProps) {
  const { t } = useTranslation();
  return (
    <div className="code-block">
      <div className="code-header">
        <span className="code-lang">{language || t('markdown.code')}</span>
        <CopyButton getText={() => code} label={t('markdown.copyCode')} showLabel className="code-copy" />
      </div>
      <pre>
        <code className={language ? `language-${language}` : undefined}>{code}</code>
      </pre>
    </div>
  );
});
