import type { Message } from '../../../../shared/schemas';
import { markdownToPlain } from '../../../../shared/plain-text';

export interface FindMatch {
  messageId: string;
  /** Which occurrence inside that message (0-based), in reading order. */
  occurrence: number;
}

/** Case-insensitive, as the browser's own find is; the query is literal text, never a pattern. */
export function countOccurrences(text: string, query: string): number {
  const needle = query.toLocaleLowerCase();
  if (!needle) return 0;
  const hay = text.toLocaleLowerCase();
  let count = 0;
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

/** What a message reads as on screen: the user's text as typed, an answer without its Markdown source. */
export const visibleText = (m: Pick<Message, 'role' | 'content'>): string => (m.role === 'user' ? m.content : markdownToPlain(m.content));

/**
 * Every match of `query` in the conversation's visible path, in order. Counted on the messages
 * themselves, not the DOM: the list is virtual, so most rows are not rendered.
 */
export function findMatches(path: readonly Pick<Message, 'id' | 'role' | 'content'>[], query: string, textOf = visibleText): FindMatch[] {
  const q = query.trim();
  if (!q) return [];
  const out: FindMatch[] = [];
  for (const m of path) {
    const n = countOccurrences(textOf(m), q);
    for (let i = 0; i < n; i++) out.push({ messageId: m.id, occurrence: i });
  }
  return out;
}
