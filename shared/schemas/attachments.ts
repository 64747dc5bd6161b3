import { z } from 'zod';

/** Files attached to a user message: images sent as image parts, documents sent as extracted text. */

export const AttachmentKind = z.enum(['image', 'document']);
export type AttachmentKind = z.infer<typeof AttachmentKind>;

/** Content address of a stored file: the SHA-256 of the bytes as they were added, in hex. */
export const AttachmentId = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * An attachment as a message (or the composer) shows it. Never a path: the file lives in the data
 * folder under its content address, and only main reads it.
 */
export const AttachmentRef = z.object({
  id: AttachmentId,
  /** The file's name as the user added it (a name per message: the same bytes may be added twice). */
  name: z.string().max(255),
  kind: AttachmentKind,
  /** Of the stored bytes: an image is re-encoded (image/jpeg, image/png), a document is kept as is. */
  mime: z.string().max(100),
  /** Bytes as added, before any downscaling. */
  originalSize: z.number().int().min(0),
  /** Bytes stored (and, for an image, sent). */
  size: z.number().int().min(0),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  /** Documents: pages (PDF) or null. */
  pages: z.number().int().nullable(),
  /** Documents: characters of extracted text sent as context. */
  chars: z.number().int().nullable(),
  /** Estimated tokens this attachment adds to a request (text: o200k count; image: OpenAI's tile formula). */
  tokens: z.number().int().min(0),
  /** Documents: the text was cut to the limit; the model is told so, and the chip says so. */
  truncated: z.boolean(),
  /** Images: a small preview (data:image/webp;base64,…) stored with the history, so it shows offline. */
  thumbnail: z.string().nullable(),
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;

/** Why a file was refused; each has a localized message in the renderer. */
export const AttachmentProblem = z.enum([
  'empty', // 0 bytes
  'too_large', // over the per-file limit
  'too_many', // over the per-message count
  'executable', // a program, whatever its name says
  'unsupported', // a binary format Ferry cannot read
  'unreadable', // damaged or not what its name says (a corrupt PDF, a .png that is not an image)
  'no_text', // a document without extractable text (a scanned PDF)
  'encrypted', // a password-protected PDF
  'expired', // the upload was not finished in time, or the host restarted meanwhile
]);
export type AttachmentProblem = z.infer<typeof AttachmentProblem>;

/** Limits shared by both sides, so the composer refuses early what main would refuse anyway. */
export const ATTACHMENT_LIMITS = Object.freeze({
  /** Per file, as added. */
  maxFileBytes: 32 * 1024 * 1024,
  /** Per message. */
  maxPerMessage: 10,
  /** Bytes per upload chunk: well under the WebSocket bridge's 8 MB frame limit once base64-encoded. */
  chunkBytes: 512 * 1024,
  /** Longest side of an image as sent (OpenAI scales anything larger down to this anyway). */
  maxImageSide: 2048,
  /** An image is re-encoded until it fits this, as sent. */
  maxImageBytes: 3 * 1024 * 1024,
  /** Characters of extracted text kept per document; the rest is cut with a visible note. */
  maxDocumentChars: 200_000,
});
