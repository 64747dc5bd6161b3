import { accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** A program the tests need, and the Debian package that provides it. */
interface SystemDep {
  name: string;
  /** Absolute path to check instead of a PATH lookup. */
  path?: string;
  debianPackage: string;
}

export const chromiumPath = (env: NodeJS.ProcessEnv = process.env): string => env.FERRY_CHROMIUM ?? '/usr/bin/chromium';

const requiredDeps = (env: NodeJS.ProcessEnv): SystemDep[] => [
  { name: 'dbus-launch', debianPackage: 'dbus-x11' },
  { name: 'dbus-send', debianPackage: 'dbus' },
  { name: 'gnome-keyring-daemon', debianPackage: 'gnome-keyring' },
  { name: 'secret-tool', debianPackage: 'libsecret-tools' },
  { name: 'chromium', path: chromiumPath(env), debianPackage: 'chromium' },
  { name: 'tinyproxy', debianPackage: 'tinyproxy' },
  { name: 'rclone', debianPackage: 'rclone' },
  // Fault injection: a small tmpfs that fills and read-only bind mounts (as root), a low fd limit.
  { name: 'mount', debianPackage: 'mount' },
  { name: 'umount', debianPackage: 'mount' },
  { name: 'prlimit', debianPackage: 'util-linux' },
  // Permission bits bite only an unprivileged user: those tests drop to nobody.
  { name: 'setpriv', debianPackage: 'util-linux' },
];

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

// `command -v` is the POSIX way to ask "would this name run?", honouring PATH exactly like the tests will.
const onPath = (name: string, env: NodeJS.ProcessEnv): boolean =>
  spawnSync('/bin/sh', ['-c', 'command -v "$1"', 'sh', name], { env, stdio: 'ignore' }).status === 0;

/** One line naming what is missing and the Debian packages to install, or null when everything is there. */
export function missingSystemDeps(env: NodeJS.ProcessEnv = process.env): string | null {
  const missing = requiredDeps(env).filter((dep) => (dep.path ? !isExecutable(dep.path) : !onPath(dep.name, env)));
  if (missing.length === 0) return null;
  const what = missing.map((dep) => (dep.path ? `${dep.name} (no executable at ${dep.path})` : dep.name)).join(', ');
  const packages = [...new Set(missing.map((dep) => dep.debianPackage))].join(' ');
  return `Missing system dependencies: ${what}. Install the Debian package(s): apt-get install -y ${packages}`;
}
