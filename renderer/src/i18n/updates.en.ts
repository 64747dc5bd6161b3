/** English strings of the updates feature (Settings → Updates). */
const updatesEn = {
  title: 'Updates',
  current: 'Current version: Ferry {{version}}',
  autoCheck: 'Check for updates automatically',
  autoCheckHelp: 'Off by default. When on, Ferry looks once a day through your proxy setting; it never downloads or installs without asking.',
  feed: 'Where to look',
  feeds: {
    github: 'GitHub releases',
    mirror: 'A mirror',
  },
  mirrorUrl: 'Mirror address',
  mirrorHelp: 'A folder with Ferry’s release files (latest.yml and the installers), e.g. https://mirror.example.com/ferry/. Must be https://.',
  save: 'Save',
  check: 'Check for updates',
  checking: 'Checking…',
  upToDate: 'Ferry is up to date (latest: {{version}}).',
  available: 'Ferry {{version}} is available.',
  download: 'Download',
  downloading: 'Downloading {{percent}}%…',
  downloaded: 'Ferry {{version}} is ready to install. Your history is copied to the backups folder first.',
  install: 'Restart and install',
  openPage: 'Open the download page',
  manualOnly: 'This copy of Ferry cannot install updates by itself: download the new version from the release page.',
  checkedAt: 'Last checked {{time}}',
  errors: {
    offline: 'Could not reach the update server. Check your network or proxy, or set a mirror.',
    proxy: 'The proxy refused the request or needs a username and password.',
    http: 'The update server has no release there ({{detail}}).',
    malformed: 'The update server did not send a Ferry release description.',
    invalid_url: 'The mirror address must be an https:// address.',
    no_feed: 'This build has no release feed. Set a mirror, or download by hand.',
    download_failed: 'The download failed or did not verify. Nothing was installed.',
    snapshot_failed: 'Your history could not be copied before installing, so nothing was installed.',
  },
};

export default updatesEn;
