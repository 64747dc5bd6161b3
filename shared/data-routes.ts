import { z } from 'zod';
import { SyncStatus, SyncView, BackupFile, BackupOverview, ConversationExportFormat, LocalBackup, ExportedFile, Id, ImportJob, Language } from './schemas';

/**
 * Routes of the data features (import, export, backups, sync), spread into `routes` in routes.ts.
 * Import is a job: `import.start`, chunks with `import.upload`, `import.parse` (progress arrives as
 * `import.progress` events), a preview, then `import.commit` or `import.cancel`.
 */
const route = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

/** Largest file accepted (ChatGPT exports of heavy users reach a few GB with images). */
export const MAX_IMPORT_BYTES = 8 * 1024 ** 3;

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

export const exportRoutes = {
  /** One conversation as Markdown (active branch), JSON (every branch) or a self-contained HTML page. */
  'export.conversation': route(z.object({ id: Id, format: ConversationExportFormat, language: Language.optional() }).strict(), ExportedFile),
  /** Everything as a Ferry backup in `<data>/exports/` (never a key, access code, proxy password or secret header). */
  'export.backup': route(z.object({}).strict(), BackupFile),
  /** A piece of a backup file, for the browser to save it as a download. */
  'export.readBackup': route(
    z.object({ fileName: z.string().max(100), offset: z.number().int().min(0) }).strict(),
    z.object({ data: z.string(), size: z.number().int(), eof: z.boolean() }),
  ),
} as const;

export const backupRoutes = {
  'backup.overview': route(z.object({}).strict(), BackupOverview),
  'backup.create': route(z.object({}).strict(), LocalBackup),
  /** Puts a backup in place; the current state becomes one more backup first. */
  'backup.restore': route(z.object({ id: z.string().min(1).max(200) }).strict(), z.object({ restored: LocalBackup, safetyCopy: LocalBackup })),
  'backup.setSettings': route(z.object({ daily: z.boolean().optional(), keep: z.number().int().min(1).max(365).optional() }).strict(), BackupOverview),
} as const;

export const syncRoutes = {
  'sync.get': route(z.object({}).strict(), SyncView),
  /** Absent fields keep their values; `password`/`passphrase` go to the keychain (null removes them). */
  'sync.save': route(
    // Spelled out: `.partial()` of a schema with defaults would fill in the defaults for absent fields.
    z
      .object({
        enabled: z.boolean().optional(),
        url: z.string().trim().max(2048).optional(),
        username: z.string().max(256).optional(),
        folder: z.string().trim().max(512).optional(),
        intervalMinutes: z.number().int().min(1).max(1440).optional(),
        password: z.string().max(1024).nullable().optional(),
        passphrase: z.string().min(8).max(1024).nullable().optional(),
      })
      .strict(),
    SyncView,
  ),
  'sync.now': route(z.object({}).strict(), SyncStatus),
} as const;
