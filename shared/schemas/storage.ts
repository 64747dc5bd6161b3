import { z } from 'zod';
import { Id } from './common';

/** What the disk did to a write: it is full (or over quota), read-only, or failed with an I/O error. */
export const StorageProblem = z.enum(['full', 'read_only', 'io']);
export type StorageProblem = z.infer<typeof StorageProblem>;

/**
 * Whether the history can be written right now. `readOnly`: opened read-only at start because the
 * file is fine but cannot be written (read-only folder or mount, a full disk); everything stored
 * can be read, nothing new is saved until Ferry reopens it ("Try again" or a restart).
 */
export const StorageStatus = z.object({
  writable: z.boolean(),
  readOnly: z.boolean(),
  problem: StorageProblem.optional(),
  /** The technical message (SQLite's or the OS's), shown as a detail. */
  detail: z.string().optional(),
});
export type StorageStatus = z.infer<typeof StorageStatus>;

/** An answer whose text on screen is ahead of what is stored: `unsaved` characters are waiting for the disk. */
export const SaveState = z.object({
  conversationId: Id,
  messageId: Id,
  unsaved: z.number().int().min(0),
  /** Null once everything is stored. */
  problem: StorageProblem.nullable(),
});
export type SaveState = z.infer<typeof SaveState>;

/** A previous copy of the settings file, kept on every successful write (newest first). */
export const SettingsCopy = z.object({
  file: z.string(),
  savedAt: z.number(),
  /** How many connections it holds, so the user can tell which one to restore. */
  connections: z.number().int().min(0),
});
export type SettingsCopy = z.infer<typeof SettingsCopy>;

/** The settings file (config.json): whether it had to be moved aside at start, and what can be restored. */
export const SettingsFileStatus = z.object({
  /** It was not valid JSON: moved to `movedTo` (never deleted) and Ferry started from defaults. */
  recovered: z.object({ movedTo: z.string(), at: z.number(), detail: z.string() }).nullable(),
  copies: z.array(SettingsCopy),
});
export type SettingsFileStatus = z.infer<typeof SettingsFileStatus>;
