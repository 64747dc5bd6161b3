import { z } from 'zod';

/** Updates: where to look, whether to look by itself, and where the app stands. */

export const UpdateFeedKind = z.enum(['github', 'mirror']);
export type UpdateFeedKind = z.infer<typeof UpdateFeedKind>;

export const UpdatePrefs = z.object({
  /** Opt-in: no request leaves the app for updates unless the user turned this on or clicked Check. */
  autoCheck: z.boolean(),
  feed: UpdateFeedKind,
  /** Base URL of a folder holding the release files (latest*.yml and installers), for users who cannot reach GitHub. */
  mirrorUrl: z.string().trim().max(2000),
});
export type UpdatePrefs = z.infer<typeof UpdatePrefs>;
export const DEFAULT_UPDATE_PREFS: UpdatePrefs = Object.freeze({ autoCheck: false, feed: 'github', mirrorUrl: '' });

export const UpdateErrorCode = z.enum([
  /** The feed could not be reached: no network, DNS, refused, timed out. */
  'offline',
  /** The proxy refused or wants credentials. */
  'proxy',
  /** The feed answered with an HTTP error (e.g. 404: no release there). */
  'http',
  /** The feed answered, but not with a release description Ferry understands. */
  'malformed',
  /** The mirror address is not an https:// URL. */
  'invalid_url',
  /** No feed is configured (a development build without a GitHub release to look at). */
  'no_feed',
  /** Downloading or verifying the installer failed. */
  'download_failed',
  /** The history could not be copied before installing, so nothing was installed. */
  'snapshot_failed',
]);
export type UpdateErrorCode = z.infer<typeof UpdateErrorCode>;

export const UpdateState = z.enum(['idle', 'checking', 'up-to-date', 'available', 'downloading', 'downloaded', 'error']);
export type UpdateState = z.infer<typeof UpdateState>;

export const UpdateStatus = z.object({
  state: UpdateState,
  currentVersion: z.string(),
  /** The newer version on offer (available / downloading / downloaded). */
  version: z.string().optional(),
  releaseNotes: z.string().optional(),
  /** Where the user can download by hand (the release page or the mirror folder). */
  downloadPage: z.string().optional(),
  /** 0–100 while downloading. */
  percent: z.number().min(0).max(100).optional(),
  error: z.object({ code: UpdateErrorCode, message: z.string() }).optional(),
  checkedAt: z.number().optional(),
  /** This host can download and install by itself (a packaged desktop app); otherwise it only tells. */
  canInstall: z.boolean(),
  prefs: UpdatePrefs,
});
export type UpdateStatus = z.infer<typeof UpdateStatus>;
