import type { MainMessages } from './messages';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The page a window shows when its UI failed to load or its renderer died: what happened, where the
 * log is, and a Reload link back to the app's entry page (the one navigation the window allows).
 * A data: URL with no script at all, so it shows even when the app's own files are what is broken.
 */
export function recoveryPageUrl(options: { messages: MainMessages; lang: string; reason: string; logFile: string; reloadUrl: string }): string {
  const m = options.messages;
  const html = `<!doctype html><html lang="${escapeHtml(options.lang)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(m.pageFailedTitle)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#1f1f23;color:#eee}
main{max-width:36rem;padding:2rem}a{display:inline-block;margin-top:1rem;padding:.5rem 1.2rem;border-radius:6px;background:#4f7cff;color:#fff;text-decoration:none}
code{word-break:break-all;color:#bbb}</style></head><body><main role="alert">
<h1>${escapeHtml(m.pageFailedTitle)}</h1><p>${escapeHtml(m.pageFailed)}</p>
<p>${escapeHtml(m.reason)}: <code>${escapeHtml(options.reason)}</code></p>
<p>${escapeHtml(m.logFile)}: <code>${escapeHtml(options.logFile)}</code></p>
<a href="${escapeHtml(options.reloadUrl)}">${escapeHtml(m.reload)}</a></main></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}
