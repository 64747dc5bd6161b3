/**
 * Size limits that keep the cost of one streaming update bounded by the size of the change rather
 * than by the size of the answer (see split-blocks.ts and stream-renderer.ts for where each applies).
 */

/** Past this a code block stays plain: not worth the time or the DOM. */
export const MAX_HIGHLIGHT_CHARS = 100_000;

/** A growing block longer than this is split at the next line where that is safe. */
export const SOFT_BLOCK_CHARS = 4_000;

/** A block (finished or growing) longer than this is not parsed: it is shown as plain text. */
export const MAX_PARSED_BLOCK_CHARS = 64_000;

/** Plain text and growing code are kept in line-aligned pieces of about this size, each rendered once. */
export const PIECE_CHARS = 2_000;
