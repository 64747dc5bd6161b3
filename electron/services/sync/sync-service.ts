import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import type { SyncSettings, SyncStatus, SyncView } from '../../../shared/schemas';
import { FerryError } from '../../core/app-error';
import type { Logger } from '../../core/logger';
import type { KeyVault } from '../secrets/types';
import type { PreferencesService } from '../settings/preferences-service';
import { runSync } from './sync-engine';
import { openSyncStore } from './sync-store';
import { createWebDavClient, SyncError } from './webdav-client';

/** Keychain accounts of the WebDAV password and the encryption passphrase; neither ever syncs. */
export const SYNC_PASSWORD_ACCOUNT = 'sync:webdav-password';
export const SYNC_PASSPHRASE_ACCOUNT = 'sync:passphrase';

export interface SyncServiceDeps {
  dbFile: string;
  prefs: PreferencesService;
  vault: KeyVault;
  /** The fetch of the app's default proxy settings. */
  fetch: () => typeof fetch;
  logger: Logger;
  onStatus(status: SyncStatus): void;
  onPulled(count: number): void;
  now?: () => number;
  kdfCost?: number;
}

const idle = (): SyncStatus => ({ running: false, lastRunAt: null, lastSuccessAt: null, code: null, detail: null, pulled: 0, pushed: 0, devices: 0, unreadableFiles: 0, rekeyed: false });

export function createSyncService(deps: SyncServiceDeps) {
  const now = deps.now ?? Date.now;
  // Differs between a data folder and a copy of it on another computer or path; only a hash leaves.
  const origin = createHash('sha256').update(`${hostname()}\0${deps.dbFile}`).digest('hex').slice(0, 32);
  const withStore = <T>(fn: (store: ReturnType<typeof openSyncStore>) => T): T => {
    const store = openSyncStore(deps.dbFile);
    try {
      return fn(store);
    } finally {
      store.close();
    }
  };
  // The last run's outcome survives a restart (kept in the database, beside the sync bookkeeping).
  let status = (() => {
    try {
      return withStore((s) => s.lastStatus()) ?? idle();
    } catch {
      return idle();
    }
  })();
  let running: Promise<SyncStatus> | null = null;
  let timer: NodeJS.Timeout | null = null;

  const secret = async (account: string) => (await deps.vault.getKey(account).catch(() => null))?.key ?? null;
  const schedule = () => {
    if (timer) clearInterval(timer);
    timer = null;
    const settings = deps.prefs.read().sync;
    if (!settings.enabled) return;
    timer = setInterval(() => void run().catch(() => {}), settings.intervalMinutes * 60_000);
    timer.unref();
  };

  async function run(): Promise<SyncStatus> {
    if (running) return { ...status, code: 'busy' };
    const settings = deps.prefs.read().sync;
    const started = now();
    const finish = (patch: Partial<SyncStatus>): SyncStatus => {
      status = { ...status, running: false, lastRunAt: started, ...patch };
      try {
        withStore((s) => s.saveStatus(status));
      } catch (error) {
        deps.logger.warn(`the sync status could not be saved: ${String(error)}`);
      }
      deps.onStatus(status);
      return status;
    };
    running = (async () => {
      const [password, passphrase] = [await secret(SYNC_PASSWORD_ACCOUNT), await secret(SYNC_PASSPHRASE_ACCOUNT)];
      if (!settings.url || !passphrase) return finish({ code: 'not_configured', detail: null });
      status = { ...status, running: true };
      deps.onStatus(status);
      const store = openSyncStore(deps.dbFile);
      try {
        store.setEnabled(true);
        const base = settings.url.replace(/\/+$/, '') + '/' + settings.folder.replace(/^\/+|\/+$/g, '');
        const client = createWebDavClient({ url: base, username: settings.username, password: password ?? '', fetch: deps.fetch() });
        const result = await runSync({ client, store, passphrase, now, kdfCost: deps.kdfCost, origin });
        if (result.rekeyed) deps.logger.warn('this data folder is a copy of another device\'s: it now syncs under a new device id');
        if (result.pulled > 0) deps.onPulled(result.pulled);
        return finish({ code: 'ok', detail: null, lastSuccessAt: now(), ...result });
      } catch (error) {
        if (error instanceof SyncError) return finish({ code: error.code, detail: error.message.slice(0, 300) });
        deps.logger.error('sync failed', error);
        return finish({ code: 'unknown', detail: error instanceof Error ? error.message.slice(0, 300) : String(error) });
      } finally {
        store.close();
      }
    })().finally(() => (running = null));
    return running;
  }

  const view = async (): Promise<SyncView> => ({
    settings: deps.prefs.read().sync,
    passwordSet: !!(await secret(SYNC_PASSWORD_ACCOUNT)),
    passphraseSet: !!(await secret(SYNC_PASSPHRASE_ACCOUNT)),
    deviceId: withStore((s) => s.state().device_id),
    status,
  });

  schedule();
  return {
    view,
    run,
    async save(patch: Partial<SyncSettings> & { password?: string | null; passphrase?: string | null }): Promise<SyncView> {
      const { password, passphrase, ...settings } = patch;
      const storage = (await deps.vault.status()).available ? 'keychain' : 'session';
      try {
        if (password === null) await deps.vault.deleteKey(SYNC_PASSWORD_ACCOUNT);
        else if (password !== undefined) await deps.vault.setKey(SYNC_PASSWORD_ACCOUNT, password, storage);
        if (passphrase === null) await deps.vault.deleteKey(SYNC_PASSPHRASE_ACCOUNT);
        else if (passphrase !== undefined) await deps.vault.setKey(SYNC_PASSPHRASE_ACCOUNT, passphrase, storage);
      } catch (error) {
        throw error instanceof FerryError ? error : new FerryError('keychain_unavailable', 'Could not store the sync secret');
      }
      const next = { ...deps.prefs.read().sync, ...settings };
      deps.prefs.update({ sync: next });
      withStore((s) => s.setEnabled(next.enabled));
      schedule();
      return view();
    },
    shutdown: async () => {
      if (timer) clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
