import { activePath } from '../../../shared/message-tree';
import type { ConversationDetail, Message } from '../../../shared/schemas';

const roleName = (m: Message) => (m.role === 'user' ? 'You' : m.role === 'assistant' ? `Assistant${m.model ? ` (${m.model})` : ''}` : 'System');
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The conversation as it reads on screen (the active branch) in Markdown. Reasoning is folded in a
 * `<details>` block, as GitHub and most Markdown viewers render it; other branches are counted.
 */
export function conversationToMarkdown(detail: ConversationDetail): string {
  const path = activePath(detail.messages, detail.conversation.activeLeafId);
  const lines: string[] = [`# ${detail.conversation.title || 'Untitled'}`, ''];
  lines.push(`_${new Date(detail.conversation.createdAt).toISOString()} · ${path.length} messages_`);
  const others = detail.messages.length - path.length;
  if (others > 0) lines.push('', `_${others} more message(s) on other branches are kept in Ferry and in the JSON export._`);
  if (detail.settings.systemPrompt) lines.push('', '> **System prompt**', ...detail.settings.systemPrompt.split('\n').map((l) => `> ${l}`));
  for (const m of path) {
    lines.push('', `## ${roleName(m)}`, '', `_${new Date(m.createdAt).toISOString()}_`, '');
    if (m.reasoning) lines.push('<details>', '<summary>Reasoning</summary>', '', escapeHtml(m.reasoning), '', '</details>', '');
    lines.push(m.content);
  }
  return lines.join('\n') + '\n';
}

/** The whole tree, every branch, as Ferry stores it. */
export function conversationToJson(detail: ConversationDetail): string {
  return JSON.stringify({ format: 'ferry-conversation', version: 1, ...detail }, null, 2);
}

export function exportFileName(title: string, extension: string): string {
  // Characters no file system accepts in a name, and control characters.
  const safe = [...(title || 'conversation')].map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? ' ' : c)).join('').replace(/\s+/g, ' ').trim().slice(0, 80) || 'conversation';
  return `${safe}.${extension}`;
}
