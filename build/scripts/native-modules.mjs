// The native files each installer must carry, per OS and CPU. npm installs only the host's optional
// platform packages, so an installer built for another OS or CPU would silently pack the wrong
// binaries and die at the first database, keychain or image call; after-pack.mjs refuses such a build.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** @typedef {'linux' | 'darwin' | 'win32'} TargetPlatform */
/** @typedef {'x64' | 'arm64'} TargetArch */
/** @typedef {{ version: string, libvips: string }} SharpVersions */

/**
 * sharp's version and the libvips version its binaries are named for, from sharp's package.json
 * (`config.libvips` is `>=x.y.z`, the version the prebuilt @img packages carry).
 * @param {string} nodeModules
 * @returns {SharpVersions | null} null when sharp is not there at all
 */
export function sharpVersions(nodeModules) {
  const file = join(nodeModules, 'sharp', 'package.json');
  if (!existsSync(file)) return null;
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  return { version: pkg.version, libvips: String(pkg.config.libvips).replace(/^[^\d]*/, '') };
}

/**
 * Paths, relative to `app.asar.unpacked`, of the .node files of libsql and the keychain module.
 * @param {TargetPlatform} platform
 * @param {TargetArch} arch
 * @returns {string[]}
 */
function databaseAndKeychainFiles(platform, arch) {
  const triple = platform === 'win32' ? `${platform}-${arch}-msvc` : platform === 'linux' ? `${platform}-${arch}-gnu` : `${platform}-${arch}`;
  return [`node_modules/@libsql/${triple}/index.node`, `node_modules/@napi-rs/keyring-${triple}/keyring.${triple}.node`];
}

/**
 * Paths, relative to `app.asar.unpacked`, of sharp's .node and the libvips library it links to. On
 * Linux and macOS libvips is its own package (@img/sharp-libvips-*), found through the .node's
 * rpath; on Windows @img/sharp-win32-* carries it beside the .node (libvips-42.dll and the C++
 * binding libvips-cpp-*.dll, which Windows finds in the .node's folder).
 * @param {TargetPlatform} platform
 * @param {TargetArch} arch
 * @param {SharpVersions} sharp
 * @returns {string[]}
 */
export function sharpNativeFiles(platform, arch, sharp) {
  const target = `${platform}-${arch}`;
  const binary = `node_modules/@img/sharp-${target}/lib/sharp-${target}-${sharp.version}.node`;
  if (platform === 'win32') return [binary, `node_modules/@img/sharp-${target}/lib/libvips-42.dll`, `node_modules/@img/sharp-${target}/lib/libvips-cpp-${sharp.libvips}.dll`];
  const library = platform === 'darwin' ? `libvips-cpp.${sharp.libvips}.dylib` : `libvips-cpp.so.${sharp.libvips}`;
  return [binary, `node_modules/@img/sharp-libvips-${target}/lib/${library}`];
}

/**
 * Every native file a build for this target needs, relative to `app.asar.unpacked`.
 * @param {TargetPlatform} platform
 * @param {TargetArch} arch
 * @param {SharpVersions} sharp
 * @returns {string[]}
 */
export function requiredNativeFiles(platform, arch, sharp) {
  return [...databaseAndKeychainFiles(platform, arch), ...sharpNativeFiles(platform, arch, sharp)];
}

/**
 * DLLs that must sit next to Ferry.exe: libsql's and @napi-rs/keyring's Windows binaries import
 * VCRUNTIME140.dll, which Electron does not ship and a fresh Windows may lack. App-local copies work
 * for a per-user install and the portable exe alike, where installing the system runtime would need
 * administrator rights. sharp needs nothing more: its .node and libvips-cpp DLL link the C++ runtime
 * statically, and libvips-42.dll (built with MinGW) imports only Windows' own DLLs and the
 * Universal CRT (api-ms-win-crt-*) that every Windows 10 and 11 has.
 */
export const WINDOWS_APP_LOCAL_DLLS = ['vcruntime140.dll'];

/**
 * What is missing from a packed app for its target: native modules under `unpackedDir`
 * (…/resources/app.asar.unpacked) and, on Windows, the runtime DLLs in `exeDir`. sharp's versions
 * come from the packed sharp itself.
 * @param {{ platform: TargetPlatform, arch: TargetArch, unpackedDir: string, exeDir: string }} target
 * @returns {string[]}
 */
export function missingNativeFiles({ platform, arch, unpackedDir, exeDir }) {
  const sharp = sharpVersions(join(unpackedDir, 'node_modules'));
  const required = [...databaseAndKeychainFiles(platform, arch), ...(sharp ? sharpNativeFiles(platform, arch, sharp) : ['node_modules/sharp/package.json'])];
  const missing = required.filter((rel) => !existsSync(join(unpackedDir, rel)));
  if (platform === 'win32') missing.push(...WINDOWS_APP_LOCAL_DLLS.filter((dll) => !existsSync(join(exeDir, dll))));
  return missing;
}
