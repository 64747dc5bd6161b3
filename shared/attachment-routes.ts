import { z } from 'zod';
import { ATTACHMENT_LIMITS, AttachmentId, AttachmentRef } from './schemas';

/**
 * Routes of the attachments feature, spread into `routes` in routes.ts. A file travels in chunks
 * (begin → chunk… → finish), each small enough for the WebSocket bridge's frame limit and for IPC;
 * main hashes, checks, converts and stores it, and answers with what the composer shows.
 */
const route = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

const UploadId = z.uuid();
// Base64 of at most one chunk.
const Base64Chunk = z
  .string()
  .max(Math.ceil(ATTACHMENT_LIMITS.chunkBytes / 3) * 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const attachmentRoutes = {
  'attachments.begin': route(
    z
      .object({
        name: z.string().trim().min(1).max(255),
        /** As the browser reports it; main trusts the bytes, not this. */
        type: z.string().max(200),
        size: z.number().int().min(0),
      })
      .strict(),
    z.object({ uploadId: UploadId }),
  ),
  'attachments.chunk': route(z.object({ uploadId: UploadId, index: z.number().int().min(0), data: Base64Chunk }).strict(), z.object({ received: z.number().int() })),
  /** Checks and stores the file; the same bytes are stored once (the existing copy is reused). */
  'attachments.finish': route(z.object({ uploadId: UploadId }).strict(), AttachmentRef),
  'attachments.cancel': route(z.object({ uploadId: UploadId }).strict(), z.object({ cancelled: z.boolean() })),
  /** The stored image, for the full-size view: a data URL. */
  'attachments.image': route(z.object({ id: AttachmentId }).strict(), z.object({ dataUrl: z.string() })),
} as const;
