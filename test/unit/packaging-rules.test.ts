import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { missingNativeFiles, requiredNativeFiles } from '../../build/scripts/native-modules.mjs';
import { renderIcons } from '../../build/scripts/make-icons';
import { defaultDataDir } from '../../electron/core/data-dir';

const BUILD = resolve(import.meta.dirname, '../../build');

describe('native modules each installer needs', () => {
  it('names the .node files of libsql and the keychain module for every target we ship', () => {
    expect(requiredNativeFiles('win32', 'x64')).toEqual(['node_modules/@libsql/win32-x64-msvc/index.node', 'node_modules/@napi-rs/keyring-win32-x64-msvc/keyring.win32-x64-msvc.node']);
    expect(requiredNativeFiles('darwin', 'arm64')).toEqual(['node_modules/@libsql/darwin-arm64/index.node', 'node_modules/@napi-rs/keyring-darwin-arm64/keyring.darwin-arm64.node']);
    expect(requiredNativeFiles('linux', 'x64')).toEqual(['node_modules/@libsql/linux-x64-gnu/index.node', 'node_modules/@napi-rs/keyring-linux-x64-gnu/keyring.linux-x64-gnu.node']);
    // Every one of them is a package the libraries really publish (their optionalDependencies).
    const published = {
      ...JSON.parse(readFileSync(resolve(BUILD, '../node_modules/libsql/package.json'), 'utf8')).optionalDependencies,
      ...JSON.parse(readFileSync(resolve(BUILD, '../node_modules/@napi-rs/keyring/package.json'), 'utf8')).optionalDependencies,
    } as Record<string, string>;
    for (const [platform, arch] of [['win32', 'x64'], ['darwin', 'arm64'], ['darwin', 'x64'], ['linux', 'x64'], ['linux', 'arm64']] as const) {
      for (const file of requiredNativeFiles(platform, arch)) expect(Object.keys(published), file).toContain(file.split('/').slice(1, 3).join('/'));
    }
  });

  const dir = mkdtempSync(join(tmpdir(), 'ferry-native-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('a Windows app built on Linux lacks its binaries and the VC++ runtime DLL; the right one lacks nothing', () => {
    const unpacked = join(dir, 'resources', 'app.asar.unpacked');
    for (const file of requiredNativeFiles('linux', 'x64')) {
      mkdirSync(dirname(join(unpacked, file)), { recursive: true });
      writeFileSync(join(unpacked, file), '');
    }
    expect(missingNativeFiles({ platform: 'win32', arch: 'x64', unpackedDir: unpacked, exeDir: dir })).toEqual([...requiredNativeFiles('win32', 'x64'), 'vcruntime140.dll']);
    expect(missingNativeFiles({ platform: 'linux', arch: 'x64', unpackedDir: unpacked, exeDir: dir })).toEqual([]);
    for (const file of requiredNativeFiles('win32', 'x64')) {
      mkdirSync(dirname(join(unpacked, file)), { recursive: true });
      writeFileSync(join(unpacked, file), '');
    }
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
