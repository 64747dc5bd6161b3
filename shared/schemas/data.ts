import { z } from 'zod';
import { Id } from './common';

/** Import, export and local backups (issue 10). Imported assistants are issue 11's (schemas/assistants.ts). */

export const ImportFormat = z.enum(['chatgpt', 'nextchat', 'chatbox', 'cherry', 'ferry']);
export type ImportFormat = z.infer<typeof ImportFormat>;

/** Why something in the file is not imported; each has a localized sentence. */
export const SkipReason = z.enum([
  /** ChatGPT: system/context messages the ChatGPT UI hides too. */
  'hidden_message',
  /** A conversation with no message left to show. */
  'empty_conversation',
  /** NextChat/Chatbox/Cherry: a key or access code. Never imported; a connection can be made instead. */
  'secret',
  /** An item that is not shaped like the format says (kept out, the rest goes in). */
  'invalid_item',
  /** Chatbox picture sessions and other kinds Ferry has no place for. */
  'unsupported_session',
  /** A message still being generated when the file was written (empty). */
  'incomplete_message',
  /** An image or file in the export that is no image or document Ferry reads (a placeholder line is kept). */
  'unreadable_attachment',
]);
export type SkipReason = z.infer<typeof SkipReason>;

/** Why a file was refused as a whole; nothing was changed. */
export const ImportErrorCode = z.enum(['unknown_format', 'malformed', 'unsupported_version', 'empty', 'too_large', 'io', 'upload_incomplete']);
export type ImportErrorCode = z.infer<typeof ImportErrorCode>;

/** A relay or key the file mentions: offered as a new connection, the secret typed again by the user. */
export const ConnectionOffer = z.object({
  kind: z.enum(['nextchat', 'openai', 'provider']),
  name: z.string(),
  /** Empty when the file does not say where the server is (NextChat keeps the page's own address). */
  baseUrl: z.string(),
  model: z.string(),
});
export type ConnectionOffer = z.infer<typeof ConnectionOffer>;

export const ImportPreview = z.object({
  format: ImportFormat,
  /** The file format's own version number (Chatbox configVersion, Cherry backup version…), when it has one. */
  sourceVersion: z.string().nullable(),
  conversations: z.number().int(),
  messages: z.number().int(),
  /** Conversations whose tree has more than one leaf (regenerations, edits). */
  branched: z.number().int(),
  attachments: z.number().int(),
  /** Images/files the file mentions but does not contain: a visible placeholder is kept. */
  missingAttachments: z.number().int(),
  assistants: z.number().int(),
  /** Saved prompts (NextChat's prompt library, a Ferry backup's). */
  prompts: z.number().int().default(0),
  /** Conversations already in Ferry from an earlier import of the same source. */
  alreadyImported: z.number().int(),
  /** Messages that would be added (new conversations, or new messages of known ones). */
  newMessages: z.number().int(),
  firstAt: z.number().nullable(),
  lastAt: z.number().nullable(),
  skipped: z.array(z.object({ reason: SkipReason, count: z.number().int() })),
  connectionOffers: z.array(ConnectionOffer),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportJobState = z.enum(['uploading', 'parsing', 'ready', 'committing', 'done', 'failed', 'cancelled']);
export type ImportJobState = z.infer<typeof ImportJobState>;

export const ImportJob = z.object({
  id: Id,
  fileName: z.string(),
  state: ImportJobState,
  /** Bytes received (uploading) or read (parsing), of `totalBytes`. */
  bytes: z.number().int(),
  totalBytes: z.number().int(),
  conversations: z.number().int(),
  messages: z.number().int(),
  preview: ImportPreview.nullable(),
  error: z.object({ code: ImportErrorCode, detail: z.string().optional() }).nullable(),
  result: z.object({ conversations: z.number().int(), messages: z.number().int(), assistants: z.number().int() }).nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const ConversationExportFormat = z.enum(['markdown', 'json', 'html']);
export type ConversationExportFormat = z.infer<typeof ConversationExportFormat>;

export const ExportedFile = z.object({ fileName: z.string(), mime: z.string(), content: z.string() });
export type ExportedFile = z.infer<typeof ExportedFile>;

export const BackupFile = z.object({
  fileName: z.string(),
  path: z.string(),
  size: z.number().int(),
  conversations: z.number().int(),
  messages: z.number().int(),
});
export type BackupFile = z.infer<typeof BackupFile>;

export const LocalBackupKind = z.enum(['daily', 'manual', 'before-restore', 'migration']);
export type LocalBackupKind = z.infer<typeof LocalBackupKind>;

/** A copy of the database (and config.json, for all but old migration copies) in `<data>/backups/`. */
export const LocalBackup = z.object({
  id: z.string(),
  kind: LocalBackupKind,
  createdAt: z.number(),
  size: z.number().int(),
  hasConfig: z.boolean(),
  /** Attachment files this copy keeps (in the backups' shared store); null for copies made before a migration, which keep none. */
  attachments: z.number().int().nullable().default(null),
});
export type LocalBackup = z.infer<typeof LocalBackup>;

export const BackupSettings = z.object({
  /** Daily automatic copies on or off. */
  daily: z.boolean().default(true),
  /** How many automatic copies are kept (older ones are deleted). */
  keep: z.number().int().min(1).max(365).default(7),
});
export type BackupSettings = z.infer<typeof BackupSettings>;
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = Object.freeze({ daily: true, keep: 7 });

export const BackupOverview = z.object({
  settings: BackupSettings,
  backups: z.array(LocalBackup),
  folder: z.string(),
});
export type BackupOverview = z.infer<typeof BackupOverview>;
