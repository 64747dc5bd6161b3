import { z } from 'zod';
import { Id } from './common';
import { MessageRole } from './messages';

/** Full-text search results, grouped by conversation. */

/** A piece of a snippet; `match` pieces are what the query found. Plain text: render it as text, never as HTML. */
export const SnippetSegment = z.object({ text: z.string(), match: z.boolean() });
export type SnippetSegment = z.infer<typeof SnippetSegment>;

export const SearchHit = z.object({
  messageId: Id,
  role: MessageRole,
  /** Where the match is: the answer or the model's reasoning. */
  field: z.enum(['content', 'reasoning']),
  createdAt: z.number(),
  snippet: z.array(SnippetSegment),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchGroup = z.object({
  conversationId: Id,
  title: z.string(),
  updatedAt: z.number(),
  /** The title with the query marked, when the title itself matches (then `hits` may be empty). */
  titleSnippet: z.array(SnippetSegment).nullable().default(null),
  hits: z.array(SearchHit),
});
export type SearchGroup = z.infer<typeof SearchGroup>;

export const SearchResult = z.object({
  groups: z.array(SearchGroup),
  /** 1–2 character queries scan only the newest messages; true when older ones were not looked at. */
  partial: z.boolean(),
});
export type SearchResult = z.infer<typeof SearchResult>;
