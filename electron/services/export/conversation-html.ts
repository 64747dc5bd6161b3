import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { common, createLowlight } from 'lowlight';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visitParents } from 'unist-util-visit-parents';
import { activePath } from '../../../shared/message-tree';
import type { ConversationDetail } from '../../../shared/schemas';
import { rehypeMath } from '../../../shared/rehype-math';

const lowlight = createLowlight(common);

/** Highlights fenced code with lowlight (classes only; the colours come from the inline stylesheet). */
function rehypeHighlight() {
  return (tree: Root) => {
    visitParents(tree, 'element', (node: Element) => {
      if (node.tagName !== 'code') return;
      const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
      const lang = classes.find((c) => c.startsWith('language-'))?.slice(9);
      if (!lang || !lowlight.registered(lang)) return;
      const text = node.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
      node.children = lowlight.highlight(lang, text).children as Element['children'];
      node.properties.className = [...classes, 'hljs'];
    });
  };
}

// Raw HTML in a message is dropped (remark-rehype without allowDangerousHtml): the file cannot run anything.
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkRehype).use(rehypeMath).use(rehypeHighlight);
const renderMarkdown = (markdown: string): string => toHtml(processor.runSync(processor.parse(markdown)) as Root);

let katexCss: string | null = null;
/** KaTeX's stylesheet with its fonts inlined as data: URLs, so math renders with no network and no files. */
function inlineKatexCss(): string {
  if (katexCss !== null) return katexCss;
  const require = createRequire(typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url));
  const cssFile = require.resolve('katex/dist/katex.min.css');
  const fontsDir = join(dirname(cssFile), 'fonts');
  const fonts = new Set(readdirSync(fontsDir));
  katexCss = readFileSync(cssFile, 'utf8')
    .replace(/src:url\(fonts\/([^)]+)\.woff2\) format\("woff2"\)[^;}]*/g, (_m, name: string) =>
      fonts.has(`${name}.woff2`) ? `src:url(data:font/woff2;base64,${readFileSync(join(fontsDir, `${name}.woff2`)).toString('base64')}) format("woff2")` : '',
    );
  return katexCss;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const PAGE_CSS = `
:root{color-scheme:light dark;--fg:#1d2330;--muted:#667085;--bg:#fff;--card:#f5f7fa;--border:#d8dde6;--accent:#2563eb}
@media (prefers-color-scheme:dark){:root{--fg:#e6e9ef;--muted:#9aa4b2;--bg:#14171c;--card:#1d2127;--border:#333a44;--accent:#7aa2ff}}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.6 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif}
main{max-width:860px;margin:0 auto;padding:32px 20px}
h1{font-size:1.6em;margin:0 0 4px}.meta{color:var(--muted);font-size:.9em;margin-bottom:24px}
article{border:1px solid var(--border);border-radius:10px;padding:12px 18px;margin:14px 0}
article.user{background:var(--card)}
.who{font-weight:600;font-size:.85em;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
pre{background:var(--card);border:1px solid var(--border);border-radius:8px;padding:12px;overflow:auto}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}
table{border-collapse:collapse}th,td{border:1px solid var(--border);padding:4px 10px}
details{color:var(--muted);margin:6px 0}a{color:var(--accent)}
.hljs-keyword,.hljs-built_in{color:#b5179e}.hljs-string{color:#2a9d3f}.hljs-number,.hljs-literal{color:#d9480f}.hljs-comment{color:#8a94a6;font-style:italic}.hljs-title,.hljs-function{color:#3b5bdb}
`;

/**
 * A self-contained HTML page of the conversation's active branch: Markdown rendered in main (GFM
 * tables, highlighted code, KaTeX math with its fonts inlined), one inline stylesheet, no script.
 * Its CSP allows nothing but inline styles and data: fonts and images.
 */
export function conversationToHtml(detail: ConversationDetail, language: 'en' | 'zh-CN' = 'en'): string {
  const path = activePath(detail.messages, detail.conversation.activeLeafId);
  const title = escapeHtml(detail.conversation.title || 'Conversation');
  const messages = path
    .map((m) => {
      const who = m.role === 'user' ? (language === 'zh-CN' ? '你' : 'You') : m.role === 'assistant' ? (language === 'zh-CN' ? '助手' : 'Assistant') : 'System';
      const reasoning = m.reasoning ? `<details><summary>${language === 'zh-CN' ? '思考过程' : 'Reasoning'}</summary>${renderMarkdown(m.reasoning)}</details>` : '';
      return `<article class="${m.role}"><div class="who">${escapeHtml(who)}${m.model ? ` · ${escapeHtml(m.model)}` : ''}</div>${reasoning}${renderMarkdown(m.content)}</article>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title>
<style>${inlineKatexCss()}${PAGE_CSS}</style></head>
<body><main><h1>${title}</h1><div class="meta">${new Date(detail.conversation.createdAt).toISOString().slice(0, 16).replace('T', ' ')} · ${path.length}</div>
${messages}
</main></body></html>
`;
}
