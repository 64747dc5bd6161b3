import type Database from 'libsql';

/**
 * Schema version 8: sync merges a conversation field by field. Beside a row's version, sync keeps
 * (JSON, conversations only) the row as last agreed with the other devices and each field's
 * version, so a rename on one device and a new answer on another both survive. Rows synced
 * before have none: their first merge treats every field as at the row's version.
 */
export function migrateToSyncFieldsV8(db: Database.Database): void {
  db.exec('ALTER TABLE sync_versions ADD COLUMN fields TEXT NULL');
}
