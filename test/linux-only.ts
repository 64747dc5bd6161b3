/**
 * Vitest files that need what only the Linux CI machine (and `npm test` here) has. Windows and macOS
 * CI run every other Vitest file through test/harness/portable-tests.ts; the Linux job runs all of
 * them in `npm test`. test/unit/linux-only.test.ts keeps this list true: a file that starts using one
 * of these tools without being listed fails there, before it fails on a Windows runner.
 */
export interface LinuxOnly {
  /** A test file, or a folder ending in `/**`, relative to the repository root. */
  path: string;
  needs: string;
}

export const LINUX_ONLY: LinuxOnly[] = [
  { path: 'test/integration/keychain.test.ts', needs: "gnome-keyring's Secret Service, inspected with secret-tool" },
  { path: 'test/integration/connections.test.ts', needs: 'the Secret Service of the private D-Bus session' },
  { path: 'test/integration/proxy.test.ts', needs: 'tinyproxy' },
  { path: 'test/integration/desktop-proxy.test.ts', needs: 'tinyproxy' },
  { path: 'test/integration/electron-main.test.ts', needs: 'tinyproxy (the desktop proxy case; the rest of the file is portable)' },
  { path: 'test/integration/updates.test.ts', needs: 'tinyproxy' },
  { path: 'test/integration/packaging.test.ts', needs: 'electron-builder --linux dir' },
  { path: 'test/integration/sync-webdav.test.ts', needs: "rclone's WebDAV server" },
  { path: 'test/integration/sync-faults.test.ts', needs: "rclone's WebDAV server, tinyproxy" },
  { path: 'test/integration/sync-assistants.test.ts', needs: "rclone's WebDAV server" },
  { path: 'test/integration/faults/**', needs: 'tmpfs and bind mounts as root, setpriv, prlimit, gnome-keyring, POSIX signals' },
];

/**
 * What in a test file's text shows it needs a Linux-only tool. Matched against the file itself; the
 * helpers these names point to (support/proxies, keyring-session, mounts) are where the tools start.
 */
export const LINUX_MARKERS: { pattern: RegExp; tool: string }[] = [
  { pattern: /tinyproxy/i, tool: 'tinyproxy' },
  { pattern: /secret-tool|keyring-session|startKeyringSession/, tool: 'gnome-keyring' },
  { pattern: /\brclone\b|support\/webdav-server/, tool: 'rclone' },
  { pattern: /support\/mounts|setpriv|prlimit/, tool: 'mount/setpriv/prlimit' },
  { pattern: /'--linux'/, tool: 'electron-builder --linux' },
  { pattern: /\/usr\/share\/fonts|fc-match/, tool: 'Debian fonts' },
];

export const isListed = (file: string): boolean =>
  LINUX_ONLY.some((e) => (e.path.endsWith('/**') ? file.startsWith(e.path.slice(0, -2)) : file === e.path));
