import { z } from 'zod';

/** Identifiers, languages and the structured error every route may return. */

export const Id = z.string().min(1).max(128);

export const Language = z.enum(['en', 'zh-CN']);
export type Language = z.infer<typeof Language>;

export const LanguagePref = z.enum(['system', 'en', 'zh-CN']);
export const ThemePref = z.enum(['system', 'light', 'dark']);

export const ErrorCode = z.enum([
  'invalid_input',
  'unknown_route',
  'forbidden',
  'not_found',
  'keychain_unavailable',
  'no_connection',
  'no_key',
  /** The key was saved for another host than the connection's base URL now points to. */
  'key_host_mismatch',
  'busy',
  'internal',
  /** The history database is damaged or unreadable; it was left untouched (see app.info's `database`). */
  'database_corrupt',
  /** The history database cannot be used right now (written by a newer Ferry, or Ferry is in recovery mode). */
  'database_unavailable',
  /** A file could not be attached; `details.problem` says why (an AttachmentProblem). */
  'attachment_rejected',
  /** A write failed because the disk (or the user's quota) is full. Nothing stored was lost. */
  'storage_full',
  /** A write failed because the data folder or file is read-only (permissions, a read-only mount). */
  'storage_read_only',
  /** A write (or read) failed with an I/O error of the disk or file system. */
  'storage_io',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** Structured failure of a request; `message` is for logs and developers, the UI localizes by `code`. */
export const AppError = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AppError = z.infer<typeof AppError>;

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };
