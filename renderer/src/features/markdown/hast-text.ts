import type { ExtraProps } from 'react-markdown';

type HastNode = NonNullable<ExtraProps['node']>['children'][number] | NonNullable<ExtraProps['node']>;

/** Plain text of a hast subtree (what a code block's Copy button should copy). */
export function hastText(node: HastNode | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => hastText(child)).join('');
  return '';
}

/** The `language-xyz` class remark puts on a fenced block's <code>, without the prefix. */
export function codeLanguage(node: ExtraProps['node']): string {
  const code = node?.children.find((c) => c.type === 'element' && c.tagName === 'code');
  if (!code || code.type !== 'element') return '';
  const classes = code.properties.className;
  const list: string[] = Array.isArray(classes) ? classes.map(String) : String(classes ?? '').split(' ');
  const lang = list.find((c) => c.startsWith('language-'));
  return lang ? lang.slice('language-'.length) : '';
}
