import { getApi } from '../api';
import { useAppStore } from './app-store';
import { useFaultStore } from './fault-state';
import { reloadSettings } from './settings-actions';

/** "Try again" on the keychain banner: asks at once instead of at the next automatic try. */
export async function retryKeychain(): Promise<void> {
  const keychain = await getApi().call('keychain.retry', {});
  const info = useAppStore.getState().info;
  if (info) useAppStore.getState().setInfo({ ...info, keychain });
  if (keychain.available) await reloadSettings();
}

/** "Try again" on the disk banner or an answer's "not saved" line. */
export async function retryStorage(): Promise<void> {
  const { storage, pending } = await getApi().call('storage.retry', {});
  useFaultStore.getState().setStorage(storage);
  useFaultStore.getState().setUnsaved(pending);
}

/** The banner goes away only once the restored connections are on screen. */
export async function restoreSettingsCopy(file: string): Promise<void> {
  const status = await getApi().call('settings.restoreCopy', { file });
  await reloadSettings();
  useFaultStore.getState().setSettingsFile(status);
}

export async function keepDefaultSettings(): Promise<void> {
  useFaultStore.getState().setSettingsFile(await getApi().call('settings.dismissRecovery', {}));
}
