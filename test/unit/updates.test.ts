import { describe, expect, it } from 'vitest';
import { channelFile, feedLocation } from '../../electron/services/updates/feed';
import { isUpdate, parseReleaseInfo } from '../../electron/services/updates/release-info';
import { latestYml as LATEST_YML } from '../integration/support/update-feed';

const GH = { owner: 'ferry-chat', repo: 'ferry' };

describe('where updates come from', () => {
  it('names the release description of each OS as electron-builder does', () => {
    expect(channelFile('win32', 'x64')).toBe('latest.yml');
    expect(channelFile('darwin', 'arm64')).toBe('latest-mac.yml');
    expect(channelFile('linux', 'x64')).toBe('latest-linux.yml');
    expect(channelFile('linux', 'arm64')).toBe('latest-linux-arm64.yml');
  });
  it('GitHub: the latest release of the repository the app was built from', () => {
    expect(feedLocation({ feed: 'github', mirrorUrl: '' }, GH, 'win32', 'x64')).toEqual({
      ok: true,
      kind: 'github',
      baseUrl: 'https://github.com/ferry-chat/ferry/releases/latest/download/',
      channelUrl: 'https://github.com/ferry-chat/ferry/releases/latest/download/latest.yml',
      downloadPage: 'https://github.com/ferry-chat/ferry/releases/latest',
    });
    expect(feedLocation({ feed: 'github', mirrorUrl: '' }, null, 'linux', 'x64')).toMatchObject({ ok: false, code: 'no_feed' });
  });
  it('a mirror: its folder, with or without the slash or the file name; https only (loopback/LAN for testing)', () => {
    for (const typed of ['https://mirror.example.cn/ferry', 'https://mirror.example.cn/ferry/', ' https://mirror.example.cn/ferry/latest-mac.yml ', 'https://mirror.example.cn/ferry/?x=1#y']) {
      expect(feedLocation({ feed: 'mirror', mirrorUrl: typed }, GH, 'darwin', 'arm64'), typed).toMatchObject({ ok: true, baseUrl: 'https://mirror.example.cn/ferry/', channelUrl: 'https://mirror.example.cn/ferry/latest-mac.yml' });
    }
    expect(feedLocation({ feed: 'mirror', mirrorUrl: 'http://127.0.0.1:8080/r' }, null, 'linux', 'x64')).toMatchObject({ ok: true, channelUrl: 'http://127.0.0.1:8080/r/latest-linux.yml' });
    for (const bad of ['http://mirror.example.cn/ferry', 'ftp://mirror.example.cn/', 'https://user:pw@mirror.example.cn/', 'mirror.example.cn', '']) {
      expect(feedLocation({ feed: 'mirror', mirrorUrl: bad }, GH, 'linux', 'x64'), bad).toMatchObject({ ok: false, code: 'invalid_url' });
    }
  });
});

describe('release descriptions', () => {
  it('reads what electron-builder writes', () => {
    expect(parseReleaseInfo(LATEST_YML('1.2.0'))).toEqual({
      ok: true,
      info: { version: '1.2.0', releaseDate: '2026-12-01T09:41:03.120Z', releaseNotes: 'Faster search.', files: [{ url: 'Ferry-Setup-1.2.0-x64.exe', sha512: expect.stringMatching(/==$/), size: 98314752 }] },
    });
  });
  it('refuses web pages, broken YAML, missing versions and files without checksums', () => {
    const cases: [string, RegExp][] = [
      ['<!doctype html><title>404</title>', /web page/],
      ['version: [1.2', /not valid YAML/],
      ['', /empty/],
      ['files: []', /no valid version/],
      ['version: banana\nfiles: []', /no valid version/],
      ['version: 1.2.0\nfiles:\n  - url: a.exe\n', /no installer with a checksum/],
      ['version: 1.2.0', /no installer/],
    ];
    for (const [text, reason] of cases) {
      const parsed = parseReleaseInfo(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.reason, text).toMatch(reason);
    }
  });
  it('offers only newer versions: never a downgrade, a pre-release only to pre-release users', () => {
    expect(isUpdate('0.1.0', '0.2.0')).toBe(true);
    expect(isUpdate('0.1.0', '0.1.0')).toBe(false);
    expect(isUpdate('0.2.0', '0.1.9')).toBe(false);
    expect(isUpdate('0.1.0', '0.2.0-beta.1')).toBe(false);
    expect(isUpdate('0.2.0-beta.1', '0.2.0-beta.2')).toBe(true);
    expect(isUpdate('0.2.0-beta.1', '0.2.0')).toBe(true);
    expect(isUpdate('not-a-version', '1.0.0')).toBe(false);
  });
});
