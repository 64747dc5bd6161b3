// The native (.node) files each installer must carry, per OS and CPU. npm installs only the host's
// optional platform packages, so an installer built for another OS or CPU would silently pack the
// wrong binaries and die at the first database or keychain call; after-pack.mjs refuses such a build.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** @typedef {'linux' | 'darwin' | 'win32'} TargetPlatform */
/** @typedef {'x64' | 'arm64'} TargetArch */

/**
 * Paths, relative to `app.asar.unpacked`, of the .node files a build for this target needs.
 * @param {TargetPlatform} platform
 * @param {TargetArch} arch
 * @returns {string[]}
 */
export function requiredNativeFiles(platform, arch) {
  const triple = platform === 'win32' ? `${platform}-${arch}-msvc` : platform === 'linux' ? `${platform}-${arch}-gnu` : `${platform}-${arch}`;
  return [`node_modules/@libsql/${triple}/index.node`, `node_modules/@napi-rs/keyring-${triple}/keyring.${triple}.node`];
}

/**
 * DLLs that must sit next to Ferry.exe: libsql's and @napi-rs/keyring's Windows binaries import
 * VCRUNTIME140.dll, which Electron does not ship and a fresh Windows may lack. App-local copies work
 * for a per-user install and the portable exe alike, where installing the system runtime would need
 * administrator rights.
 */
export const WINDOWS_APP_LOCAL_DLLS = ['vcruntime140.dll'];

/**
 * What is missing from a packed app for its target: native modules under `unpackedDir`
 * (…/resources/app.asar.unpacked) and, on Windows, the runtime DLLs in `exeDir`.
 * @param {{ platform: TargetPlatform, arch: TargetArch, unpackedDir: string, exeDir: string }} target
 * @returns {string[]}
 */
export function missingNativeFiles({ platform, arch, unpackedDir, exeDir }) {
  const missing = requiredNativeFiles(platform, arch).filter((rel) => !existsSync(join(unpackedDir, rel)));
  if (platform === 'win32') missing.push(...WINDOWS_APP_LOCAL_DLLS.filter((dll) => !existsSync(join(exeDir, dll))));
  return missing;
}
