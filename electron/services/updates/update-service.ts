import type { UpdatePrefs, UpdateStatus } from '../../../shared/schemas';
import type { Logger } from '../../core/logger';
import type { ResolvedProxy } from '../network/proxy';
import { checkForUpdate } from './check';
import { feedLocation, type FeedLocation, type GithubRepo } from './feed';
import type { UpdatePrefsStore } from './update-prefs';

/**
 * What only a packaged desktop app can do (Electron: electron-updater). The service decides when;
 * the installer only downloads what it is told and installs when the user has said so.
 */
export interface UpdateInstaller {
  /** Downloads (and verifies) the installer of `version` from the feed, reporting 0–100. */
  download(feed: Extract<FeedLocation, { ok: true }>, version: string, onProgress: (percent: number) => void, proxy?: ResolvedProxy): Promise<void>;
  /** Quits, installs and starts the new version. Called only after the user's explicit consent. */
  quitAndInstall(): void;
}

export interface UpdateServiceOptions {
  currentVersion: string;
  platform: NodeJS.Platform;
  arch: string;
  github: GithubRepo | null;
  prefs: UpdatePrefsStore;
  /** The app's proxy setting decides how this reaches the feed. */
  fetch: typeof fetch;
  /** The same proxy setting, resolved (with its password), for the installer's own downloads. */
  proxy?: () => Promise<ResolvedProxy>;
  installer: UpdateInstaller | null;
  /** The history snapshot taken before installing; returns its path (null: nothing to copy). */
  snapshot: () => string | null;
  emit: (status: UpdateStatus) => void;
  logger: Logger;
  timeoutMs?: number;
  /** First automatic check after start, then every `autoIntervalMs` (only when the user opted in). */
  autoDelayMs?: number;
  autoIntervalMs?: number;
}

export interface UpdateService {
  status(): UpdateStatus;
  check(): Promise<UpdateStatus>;
  download(): Promise<UpdateStatus>;
  install(): UpdateStatus;
  setPrefs(patch: Partial<UpdatePrefs>): UpdateStatus;
  dispose(): void;
}

type Core = Omit<UpdateStatus, 'currentVersion' | 'canInstall' | 'prefs'>;

export function createUpdateService(options: UpdateServiceOptions): UpdateService {
  let state: Core = { state: 'idle' };
  let checking: Promise<UpdateStatus> | null = null;
  let downloading: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const status = (): UpdateStatus => ({ ...state, currentVersion: options.currentVersion, canInstall: options.installer !== null, prefs: options.prefs.read() });
  const set = (next: Core): UpdateStatus => {
    state = next;
    const out = status();
    options.emit(out);
    return out;
  };
  const location = () => feedLocation(options.prefs.read(), options.github, options.platform, options.arch);

  const check = (): Promise<UpdateStatus> => {
    // A download in progress or finished is not thrown away by a second look.
    if (state.state === 'downloading' || state.state === 'downloaded') return Promise.resolve(status());
    if (checking) return checking;
    const feed = location();
    if (!feed.ok) return Promise.resolve(set({ state: 'error', error: { code: feed.code, message: feed.message }, checkedAt: Date.now() }));
    set({ state: 'checking' });
    checking = checkForUpdate({ fetch: options.fetch, channelUrl: feed.channelUrl, currentVersion: options.currentVersion, timeoutMs: options.timeoutMs ?? 30_000 })
      .then((outcome) => {
        const checkedAt = Date.now();
        if (outcome.kind === 'available') {
          options.logger.info(`update ${outcome.info.version} available at ${feed.channelUrl}`);
          return set({ state: 'available', version: outcome.info.version, downloadPage: feed.downloadPage, checkedAt, ...(outcome.info.releaseNotes ? { releaseNotes: outcome.info.releaseNotes } : {}) });
        }
        if (outcome.kind === 'up-to-date') return set({ state: 'up-to-date', version: outcome.latest, checkedAt });
        options.logger.warn(`update check failed (${outcome.code}): ${outcome.message}`);
        return set({ state: 'error', error: { code: outcome.code, message: outcome.message }, downloadPage: feed.downloadPage, checkedAt });
      })
      .finally(() => (checking = null));
    return checking;
  };

  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = undefined;
    if (!options.prefs.read().autoCheck) return;
    timer = setTimeout(() => {
      void check().finally(() => schedule(options.autoIntervalMs ?? 24 * 3_600_000));
    }, delay);
    // Never the reason the process stays up.
    timer.unref?.();
  };
  schedule(options.autoDelayMs ?? 60_000);

  return {
    status,
    check,
    async download() {
      const installer = options.installer;
      if (!installer || state.state !== 'available' || !state.version) return status();
      if (downloading) return status();
      const feed = location();
      if (!feed.ok) return set({ ...state, state: 'error', error: { code: feed.code, message: feed.message } });
      const version = state.version;
      const base = { version, ...(state.downloadPage ? { downloadPage: state.downloadPage } : {}), ...(state.releaseNotes ? { releaseNotes: state.releaseNotes } : {}) };
      set({ ...base, state: 'downloading', percent: 0 });
      let last = -1;
      const proxy = await options.proxy?.().catch(() => undefined);
      downloading = installer
        .download(feed, version, (percent) => {
          const rounded = Math.max(0, Math.min(100, Math.floor(percent)));
          if (rounded === last) return;
          last = rounded;
          set({ ...base, state: 'downloading', percent: rounded });
        }, proxy)
        .then(
          () => void set({ ...base, state: 'downloaded', percent: 100 }),
          (error: unknown) => {
            options.logger.warn('update download failed', error);
            set({ ...base, state: 'error', error: { code: 'download_failed', message: error instanceof Error ? error.message : String(error) } });
          },
        )
        .finally(() => (downloading = null));
      // Answers at once: the download runs in the background and reports through `updates.changed`.
      return status();
    },
    install() {
      if (!options.installer || state.state !== 'downloaded') return status();
      // The new version may migrate the history: keep a copy the recovery screen can restore.
      let copy: string | null;
      try {
        copy = options.snapshot();
      } catch (error) {
        options.logger.error('history snapshot before the update failed; not installing', error);
        return set({ ...state, state: 'error', error: { code: 'snapshot_failed', message: error instanceof Error ? error.message : String(error) } });
      }
      options.logger.info(`installing update ${state.version}; history snapshot: ${copy ?? '(no database yet)'}`);
      options.installer.quitAndInstall();
      return status();
    },
    setPrefs(patch) {
      options.prefs.update(patch);
      // A changed feed invalidates what the old one said (but never a finished download).
      if ((patch.feed !== undefined || patch.mirrorUrl !== undefined) && (state.state === 'available' || state.state === 'up-to-date' || state.state === 'error')) state = { state: 'idle' };
      schedule(options.autoDelayMs ?? 60_000);
      return set(state);
    },
    dispose() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
