import { z } from 'zod';
import { UpdatePrefs, UpdateStatus } from './schemas';

/** Routes of the updates feature, spread into `routes` in routes.ts. */
const route = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const empty = z.object({}).strict();

export const updateRoutes = {
  'updates.status': route(empty, UpdateStatus),
  /** Looks at the feed now (through the app's proxy setting). */
  'updates.check': route(empty, UpdateStatus),
  /** Downloads the available version in the background; progress arrives as `updates.changed`. */
  'updates.download': route(empty, UpdateStatus),
  /** The user's consent: snapshot the history, quit, install, start again. */
  'updates.install': route(empty, UpdateStatus),
  'updates.setPrefs': route(UpdatePrefs.partial().strict(), UpdateStatus),
} as const;
