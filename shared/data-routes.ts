import { z } from 'zod';
import { Id, ImportJob } from './schemas';

/**
 * Routes of the data features (import, export, backups, sync), spread into `routes` in routes.ts.
 * Import is a job: `import.start`, chunks with `import.upload`, `import.parse` (progress arrives as
 * `import.progress` events), a preview, then `import.commit` or `import.cancel`.
 */
const route = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

/** 4 MiB of file per chunk, base64 (the WebSocket bridge and IPC both carry JSON). */
export const IMPORT_CHUNK_BYTES = 4 * 1024 * 1024;
const Base64Chunk = z.string().max(Math.ceil(IMPORT_CHUNK_BYTES / 3) * 4 + 4).regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const importRoutes = {
  'import.start': route(
    z.object({ fileName: z.string().trim().min(1).max(300), size: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }).strict(),
    ImportJob,
  ),
  'import.upload': route(z.object({ jobId: Id, offset: z.number().int().min(0), data: Base64Chunk }).strict(), ImportJob),
  'import.parse': route(z.object({ jobId: Id }).strict(), ImportJob),
  'import.status': route(z.object({ jobId: Id }).strict(), ImportJob),
  'import.cancel': route(z.object({ jobId: Id }).strict(), ImportJob),
  'import.commit': route(z.object({ jobId: Id }).strict(), ImportJob),
} as const;
