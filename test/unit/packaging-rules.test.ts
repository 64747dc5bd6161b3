import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { missingNativeFiles, requiredNativeFiles, sharpNativeFiles, sharpVersions } from '../../build/scripts/native-modules.mjs';
import { renderIcons } from '../../build/scripts/make-icons';
import { defaultDataDir } from '../../electron/core/data-dir';

const BUILD = resolve(import.meta.dirname, '../../build');

const NODE_MODULES = resolve(BUILD, '../node_modules');
const readPkg = (name: string) => JSON.parse(readFileSync(join(NODE_MODULES, name, 'package.json'), 'utf8')) as Record<string, unknown>;
const SHARP = { version: '0.35.5', libvips: '8.18.7' };

describe('native modules each installer needs', () => {
  it('names the .node files of libsql and the keychain module, and sharp with its libvips, for every target we ship', () => {
    // What the packages of these versions hold (the Windows and macOS ones checked from their npm tarballs).
    expect(requiredNativeFiles('win32', 'x64', SHARP)).toEqual([
      'node_modules/@libsql/win32-x64-msvc/index.node',
      'node_modules/@napi-rs/keyring-win32-x64-msvc/keyring.win32-x64-msvc.node',
      'node_modules/@img/sharp-win32-x64/lib/sharp-win32-x64-0.35.5.node',
      'node_modules/@img/sharp-win32-x64/lib/libvips-42.dll',
      'node_modules/@img/sharp-win32-x64/lib/libvips-cpp-8.18.7.dll',
    ]);
    expect(requiredNativeFiles('darwin', 'arm64', SHARP)).toEqual([
      'node_modules/@libsql/darwin-arm64/index.node',
      'node_modules/@napi-rs/keyring-darwin-arm64/keyring.darwin-arm64.node',
      'node_modules/@img/sharp-darwin-arm64/lib/sharp-darwin-arm64-0.35.5.node',
      'node_modules/@img/sharp-libvips-darwin-arm64/lib/libvips-cpp.8.18.7.dylib',
    ]);
    expect(requiredNativeFiles('linux', 'x64', SHARP)).toEqual([
      'node_modules/@libsql/linux-x64-gnu/index.node',
      'node_modules/@napi-rs/keyring-linux-x64-gnu/keyring.linux-x64-gnu.node',
      'node_modules/@img/sharp-linux-x64/lib/sharp-linux-x64-0.35.5.node',
      'node_modules/@img/sharp-libvips-linux-x64/lib/libvips-cpp.so.8.18.7',
    ]);
    // Every one of them is a package the libraries really publish (their optionalDependencies).
    const published = Object.keys({
      ...(readPkg('libsql').optionalDependencies as object),
      ...(readPkg('@napi-rs/keyring').optionalDependencies as object),
      ...(readPkg('sharp').optionalDependencies as object),
    });
    for (const [platform, arch] of [['win32', 'x64'], ['darwin', 'arm64'], ['darwin', 'x64'], ['linux', 'x64'], ['linux', 'arm64']] as const) {
      for (const file of requiredNativeFiles(platform, arch, SHARP)) expect(published, file).toContain(file.split('/').slice(1, 3).join('/'));
    }
  });

  it('takes sharp\'s file names from the installed sharp, and they are the files its packages load on this machine', () => {
    const sharp = sharpVersions(NODE_MODULES)!;
    expect(sharp.version).toBe(readPkg('sharp').version);
    // CI runs this on Linux, Windows and macOS: each checks its own platform's packages.
    const platform = process.platform as 'linux' | 'darwin' | 'win32';
    const arch = process.arch as 'x64' | 'arm64';
    const [binary, ...libraries] = sharpNativeFiles(platform, arch, sharp);
    // @img/sharp-<os>-<cpu>'s entry requires exactly this .node …
    expect(readFileSync(join(NODE_MODULES, `@img/sharp-${platform}-${arch}/index.cjs`), 'utf8')).toContain(`require('./lib/${binary!.split('/').at(-1)}')`);
    // … which links to exactly this libvips (the libvips package names it; Windows carries it in the same package).
    if (platform !== 'win32') {
      expect((readPkg(`@img/sharp-libvips-${platform}-${arch}`).exports as Record<string, string>)['./binary']).toBe(`./lib/${libraries[0]!.split('/').at(-1)}`);
    }
    for (const file of [binary!, ...libraries]) expect(existsSync(join(NODE_MODULES, '..', file)), file).toBe(true);
    expect(sharpVersions(join(tmpdir(), 'no-such-node-modules'))).toBeNull();
  });

  const dir = mkdtempSync(join(tmpdir(), 'ferry-native-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('a Windows app built on Linux lacks its binaries and the VC++ runtime DLL; the right one lacks nothing', () => {
    const unpacked = join(dir, 'resources', 'app.asar.unpacked');
    const touch = (file: string) => {
      mkdirSync(dirname(join(unpacked, file)), { recursive: true });
      writeFileSync(join(unpacked, file), '');
    };
    expect(missingNativeFiles({ platform: 'linux', arch: 'x64', unpackedDir: unpacked, exeDir: dir })).toEqual([
      ...requiredNativeFiles('linux', 'x64', SHARP).slice(0, 2),
      'node_modules/sharp/package.json',
    ]);
    mkdirSync(join(unpacked, 'node_modules/sharp'), { recursive: true });
    writeFileSync(join(unpacked, 'node_modules/sharp/package.json'), JSON.stringify({ version: SHARP.version, config: { libvips: `>=${SHARP.libvips}` } }));
    for (const file of requiredNativeFiles('linux', 'x64', SHARP)) touch(file);
    expect(missingNativeFiles({ platform: 'win32', arch: 'x64', unpackedDir: unpacked, exeDir: dir })).toEqual([...requiredNativeFiles('win32', 'x64', SHARP), 'vcruntime140.dll']);
    expect(missingNativeFiles({ platform: 'linux', arch: 'x64', unpackedDir: unpacked, exeDir: dir })).toEqual([]);
    for (const file of requiredNativeFiles('win32', 'x64', SHARP)) touch(file);
    writeFileSync(join(dir, 'vcruntime140.dll'), '');
    expect(missingNativeFiles({ platform: 'win32', arch: 'x64', unpackedDir: unpacked, exeDir: dir })).toEqual([]);
  });
});

describe('the portable Windows exe', () => {
  it('keeps its data beside itself; FERRY_DATA_DIR still wins', () => {
    expect(defaultDataDir('win32', { PORTABLE_EXECUTABLE_DIR: 'E:/Tools', APPDATA: 'C:/Users/u/AppData/Roaming' })).toBe(join('E:/Tools', 'Ferry Data'));
    expect(defaultDataDir('win32', { PORTABLE_EXECUTABLE_DIR: 'E:/Tools', FERRY_DATA_DIR: 'D:/x' })).toBe('D:/x');
    expect(defaultDataDir('linux', { PORTABLE_EXECUTABLE_DIR: '/x', HOME: '/home/u' })).toBe('/home/u/.config/Ferry');
  });
});

describe('app icons', () => {
  it('the committed icons are the ones build/icon.svg renders to (run `npm run icons` after editing it)', () => {
    const icons = renderIcons();
    expect([...icons.keys()]).toEqual(expect.arrayContaining(['icons/16x16.png', 'icons/256x256.png', 'icons/1024x1024.png', 'icon.ico', 'icon.icns']));
    for (const [rel, data] of icons) expect(readFileSync(join(BUILD, rel)).equals(data), rel).toBe(true);
    // PNG signature and the right size in the IHDR chunk.
    const png = icons.get('icons/512x512.png')!;
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(icons.get('icon.icns')!.subarray(0, 4).toString()).toBe('icns');
  });
});
