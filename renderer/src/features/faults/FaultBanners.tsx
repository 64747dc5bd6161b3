import { KeychainBanner } from './KeychainBanner';
import { SettingsFileBanner } from './SettingsFileBanner';
import { StorageBanner } from './StorageBanner';
import './faults.css';

/** What is wrong with the keychain, the disk or the settings file, above the whole window; nothing when all is well. */
export function FaultBanners() {
  return (
    <>
      <SettingsFileBanner />
      <StorageBanner />
      <KeychainBanner />
    </>
  );
}
