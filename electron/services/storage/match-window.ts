import type Database from 'libsql';
import { SOURCE_AFTER, SOURCE_BEFORE } from './search-text';

/** A message up to this size is read whole for its snippet; a larger one only around its first match. */
const WHOLE_TEXT_BYTES = 16_384;

export type TextField = 'content' | 'reasoning';

/**
 * Reads the part of a message's text a snippet is made from. Search itself never reads message
 * text (the index and SQL do the matching): on a history with a 10 MB answer among the newest
 * hits, reading whole texts into JavaScript cost 70–130 ms per query for that one row.
 */
export function createMatchWindowReader(db: Database.Database): (rowid: number, field: TextField, terms: readonly string[]) => string {
  const prepare = (sql: (field: TextField) => string) => ({ content: db.prepare(sql('content')), reasoning: db.prepare(sql('reasoning')) });
  // octet_length() comes from the record header: it does not read the text.
  const size = prepare((f) => `SELECT octet_length(${f}) AS n FROM messages WHERE rowid = ?`);
  const whole = prepare((f) => `SELECT ${f} AS text FROM messages WHERE rowid = ?`);
  const at = prepare((f) => `SELECT instr(${f}, ?) AS at FROM messages WHERE rowid = ?`);
  // lower() folds ASCII only, like the index's LIKE filters; a match differing in other case gets the text's start.
  const atFolded = prepare((f) => `SELECT instr(lower(${f}), lower(?)) AS at FROM messages WHERE rowid = ?`);
  const slice = prepare((f) => `SELECT substr(${f}, ?, ?) AS text FROM messages WHERE rowid = ?`);

  const firstMatch = (rowid: number, field: TextField, terms: readonly string[]): number => {
    for (const statement of [at[field], atFolded[field]]) {
      const found = terms.map((t) => (statement.get(t, rowid) as { at: number }).at).filter((n) => n > 0);
      if (found.length > 0) return Math.min(...found);
    }
    return 1;
  };

  return (rowid, field, terms) => {
    const bytes = (size[field].get(rowid) as { n: number | null } | undefined)?.n ?? 0;
    if (bytes <= WHOLE_TEXT_BYTES) return (whole[field].get(rowid) as { text: string } | undefined)?.text ?? '';
    // substr() and instr() count characters, so the window never cuts a character in half.
    const from = Math.max(1, firstMatch(rowid, field, terms) - SOURCE_BEFORE);
    return (slice[field].get(from, SOURCE_BEFORE + SOURCE_AFTER, rowid) as { text: string }).text;
  };
}
