import type Database from 'libsql';

/**
 * Schema version 7: search finds conversations by title without reading every title. A LIKE over
 * all titles was the floor of every search (~10 ms at 33,000 conversations, more for a term no title
 * has); a trigram index answers 3+ character terms directly, and the list index now carries the
 * title so a 1–2 character term scans the index alone instead of looking up each row.
 */
export function migrateToTitleSearchV7(db: Database.Database): void {
  db.exec(`
    DROP INDEX conversations_list;
    CREATE INDEX conversations_list ON conversations(pinned DESC, updated_at DESC, id DESC, title) WHERE deleted_at IS NULL;

    CREATE VIRTUAL TABLE conversations_title_fts USING fts5(
      title,
      content = 'conversations',
      content_rowid = 'rowid',
      tokenize = 'trigram'
    );
    CREATE TRIGGER conversations_title_fts_insert AFTER INSERT ON conversations
    BEGIN
      INSERT INTO conversations_title_fts(rowid, title) VALUES (new.rowid, new.title);
    END;
    CREATE TRIGGER conversations_title_fts_delete AFTER DELETE ON conversations
    BEGIN
      INSERT INTO conversations_title_fts(conversations_title_fts, rowid, title) VALUES ('delete', old.rowid, old.title);
    END;
    CREATE TRIGGER conversations_title_fts_update AFTER UPDATE OF title ON conversations
    WHEN new.title IS NOT old.title
    BEGIN
      INSERT INTO conversations_title_fts(conversations_title_fts, rowid, title) VALUES ('delete', old.rowid, old.title);
      INSERT INTO conversations_title_fts(rowid, title) VALUES (new.rowid, new.title);
    END;
    INSERT INTO conversations_title_fts(conversations_title_fts) VALUES ('rebuild');
  `);
}
