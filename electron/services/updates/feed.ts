import { isLocalHost } from '../../../shared/base-url';
import type { UpdatePrefs } from '../../../shared/schemas';

/** The project's GitHub repository, as written into a packaged app's app-update.yml at build time. */
export interface GithubRepo {
  owner: string;
  repo: string;
}

/** The release description electron-builder writes for each OS (and CPU, on Linux arm64). */
export function channelFile(platform: NodeJS.Platform, arch: string): string {
  if (platform === 'win32') return 'latest.yml';
  if (platform === 'darwin') return 'latest-mac.yml';
  return arch === 'arm64' ? 'latest-linux-arm64.yml' : 'latest-linux.yml';
}

export type FeedLocation =
  | {
      ok: true;
      kind: 'github' | 'mirror';
      /** The folder the release files are in (electron-updater's generic provider takes this). */
      baseUrl: string;
      /** The release description to read. */
      channelUrl: string;
      /** Where a person downloads by hand. */
      downloadPage: string;
    }
  | { ok: false; code: 'invalid_url' | 'no_feed'; message: string };

/**
 * Where to look for updates. A mirror must be https (or on this machine / the LAN for testing): the
 * release description it serves carries the installer's checksum, so it must not be rewritable in transit.
 */
export function feedLocation(prefs: Pick<UpdatePrefs, 'feed' | 'mirrorUrl'>, github: GithubRepo | null, platform: NodeJS.Platform, arch: string): FeedLocation {
  const file = channelFile(platform, arch);
  if (prefs.feed === 'mirror') {
    let url: URL;
    try {
      url = new URL(prefs.mirrorUrl.trim());
    } catch {
      return { ok: false, code: 'invalid_url', message: `Not a URL: ${prefs.mirrorUrl.slice(0, 200)}` };
    }
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLocalHost(url.hostname));
    if (!secure || url.username || url.password) {
      return { ok: false, code: 'invalid_url', message: 'The mirror address must be an https:// URL without credentials' };
    }
    url.search = '';
    url.hash = '';
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    // A mirror that was given the release description itself: use its folder.
    if (/\/latest[^/]*\.yml\/$/.test(url.pathname)) url.pathname = url.pathname.replace(/[^/]+\/$/, '');
    return { ok: true, kind: 'mirror', baseUrl: url.href, channelUrl: new URL(file, url).href, downloadPage: url.href };
  }
  if (!github) return { ok: false, code: 'no_feed', message: 'This build has no release feed (it was not built by the release workflow); set a mirror or download by hand' };
  const repo = `https://github.com/${encodeURIComponent(github.owner)}/${encodeURIComponent(github.repo)}`;
  return { ok: true, kind: 'github', baseUrl: `${repo}/releases/latest/download/`, channelUrl: `${repo}/releases/latest/download/${file}`, downloadPage: `${repo}/releases/latest` };
}
