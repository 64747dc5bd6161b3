import { z } from 'zod';
import { ImportJob, SyncStatus } from './schemas';

/** Events of the data features, spread into `events` in events.ts. */
export const dataEvents = {
  /** An import job moved on (bytes read, counts, preview ready, done, failed). */
  'import.progress': ImportJob,
  /** Many conversations changed at once (an import, a sync, a restore): reload the list. */
  'history.changed': z.object({ conversations: z.number().int() }),
  'sync.status': SyncStatus,
} as const;
