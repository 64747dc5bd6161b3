import type { ImportJob, ImportJobState } from '../../../../shared/schemas';

/**
 * Where a job is on its way. Events and route answers can arrive out of order (a `parsing` answer
 * after the `ready` event it raced), so an update never moves a job backwards.
 */
const RANK: Record<ImportJobState, number> = { uploading: 0, parsing: 1, ready: 2, committing: 3, done: 4, failed: 4, cancelled: 4 };

export function mergeJob(current: ImportJob | null, incoming: ImportJob): ImportJob | null {
  if (!current || current.id !== incoming.id) return current;
  const from = RANK[current.state];
  const to = RANK[incoming.state];
  if (to < from) return current;
  // Within one state, counts only grow (a throttled event may trail the answer it followed).
  if (to === from && incoming.state === current.state && incoming.bytes < current.bytes) return current;
  return incoming;
}

/** Still in the hands of main: a new import waits, and Cancel applies. */
export const isRunning = (job: ImportJob | null): boolean =>
  !!job && (job.state === 'uploading' || job.state === 'parsing' || job.state === 'committing');

/** Over: the panel offers another file. */
export const isFinished = (job: ImportJob | null): boolean => !!job && (job.state === 'done' || job.state === 'failed' || job.state === 'cancelled');
