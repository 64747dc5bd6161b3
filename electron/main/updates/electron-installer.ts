import { autoUpdater, type ProgressInfo } from 'electron-updater';
import type { Logger } from '../../core/logger';
import type { ResolvedProxy } from '../../services/network/proxy';
import type { UpdateInstaller } from '../../services/updates/update-service';
import { sessionProxyConfig } from '../policy/electron-proxy';

/**
 * electron-updater doing only what the update service asks: it never checks, downloads or installs
 * by itself (no autoDownload, no install on quit). It reads the same feed the service checked
 * (generic provider: the mirror folder, or GitHub's latest/download folder), through its own session
 * with the app's proxy, verifies the installer's sha512 and, on Windows and macOS, its signature.
 */
export function createElectronInstaller(logger: Logger): UpdateInstaller {
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.allowDowngrade = false;
  autoUpdater.logger = { info: (m?: unknown) => logger.info(`updater: ${String(m)}`), warn: (m?: unknown) => logger.warn(`updater: ${String(m)}`), error: (m?: unknown) => logger.error(`updater: ${String(m)}`), debug: () => undefined };
  let proxyCredentials: { username: string; password: string } | null = null;
  autoUpdater.on('login', (authInfo, callback) => {
    if (authInfo.isProxy && proxyCredentials) callback(proxyCredentials.username, proxyCredentials.password);
    // Called without credentials, Electron cancels the challenge (never leave it pending).
    else (callback as (username?: string, password?: string) => void)();
  });

  return {
    async download(feed, version, onProgress, proxy?: ResolvedProxy) {
      if (proxy) {
        await autoUpdater.netSession.setProxy(sessionProxyConfig(proxy));
        proxyCredentials = proxy.username ? { username: proxy.username, password: proxy.password } : null;
      }
      autoUpdater.setFeedURL({ provider: 'generic', url: feed.baseUrl });
      const result = await autoUpdater.checkForUpdates();
      const offered = result?.updateInfo.version;
      if (offered !== version) throw new Error(`the feed now offers ${offered ?? 'nothing'} instead of ${version}`);
      const progress = (info: ProgressInfo) => onProgress(info.percent);
      autoUpdater.on('download-progress', progress);
      try {
        await autoUpdater.downloadUpdate();
      } finally {
        autoUpdater.off('download-progress', progress);
      }
    },
    quitAndInstall() {
      // isSilent false: the installer shows; forceRunAfter true: Ferry starts again afterwards.
      setImmediate(() => autoUpdater.quitAndInstall(false, true));
    },
  };
}
