import { openDatabase } from '../../../../electron/services/storage/sqlite-engine';

export interface DbFacts {
  integrity: unknown;
  conversations: number;
  messages: number;
  /** Assistant messages stored as done. */
  answersDone: number;
}

/** What another tool sees in the history file: `PRAGMA integrity_check` and row counts. */
export function dbFacts(dbFile: string): DbFacts {
  const db = openDatabase(dbFile, { readonly: true });
  try {
    const value = (sql: string) => Object.values(db.prepare(sql).get() as Record<string, unknown>)[0];
    return {
      integrity: value('PRAGMA integrity_check'),
      conversations: Number(value('SELECT count(*) FROM conversations')),
      messages: Number(value('SELECT count(*) FROM messages')),
      answersDone: Number(value(`SELECT count(*) FROM messages WHERE role = 'assistant' AND status = 'done'`)),
    };
  } finally {
    db.close();
  }
}
