/**
 * electron-builder for real, `--linux dir`, against a stub Electron distribution (electronDist): the
 * config must load and validate, the asar must hold the bundles and nothing Vite already bundled,
 * the target's native modules must be unpacked, the fuses flipped, and a build for a CPU whose native
 * modules are absent must fail in afterPack. Needs the bundles (`npx vite build`; npm test builds first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { listPackage } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStubElectronDist } from '../harness/stub-electron-dist';

const ROOT = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
const electronVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

const work = mkdtempSync(join(tmpdir(), 'ferry-pack-'));
const stub = makeStubElectronDist(join(work, 'electron-dist'), electronVersion);

function electronBuilder(out: string, ...extra: string[]) {
  return spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/electron-builder/cli.js'), '--linux', 'dir', ...extra, '--config', 'build/electron-builder.yml', `-c.electronDist=${stub}`, `-c.directories.output=${out}`, '--publish', 'never'],
    { cwd: ROOT, encoding: 'utf8', timeout: 180_000, env: { ...process.env, CI: 'true' } },
  );
}

const dirSize = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(dir, entry.name);
    return sum + (entry.isDirectory() ? dirSize(path) : statSync(path).size);
  }, 0);

/** Top-level package names under node_modules/ in the asar's file list. */
const packagesIn = (files: string[]): string[] =>
  [
    ...new Set(
      files
        .map((f) => f.replaceAll('\\', '/').split('/').filter(Boolean))
        .filter((parts) => parts[0] === 'node_modules' && parts.length >= 2 && !(parts[1]!.startsWith('@') && parts.length < 3))
        .map((parts) => (parts[1]!.startsWith('@') ? `${parts[1]}/${parts[2]}` : parts[1]!)),
    ),
  ].sort();

let appDir: string;
let asarFiles: string[];

beforeAll(() => {
  for (const bundle of ['dist/renderer/index.html', 'dist-electron/main.cjs', 'dist-electron/preload.cjs']) {
    if (!existsSync(join(ROOT, bundle))) throw new Error(`${bundle} is missing: run \`npx vite build\` first (npm test does)`);
  }
  const run = electronBuilder(join(work, 'out'));
  if (run.status !== 0) throw new Error(`electron-builder failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  appDir = join(work, 'out', 'linux-unpacked');
  asarFiles = listPackage(join(appDir, 'resources', 'app.asar'), { isPack: false }).map((f) => f.replaceAll('\\', '/'));
  console.log(`linux-unpacked: ${(dirSize(appDir) / 1e6).toFixed(1)} MB without Electron's own files; app.asar ${(statSync(join(appDir, 'resources', 'app.asar')).size / 1e6).toFixed(1)} MB; app.asar.unpacked ${(dirSize(join(appDir, 'resources', 'app.asar.unpacked')) / 1e6).toFixed(1)} MB`);
}, 200_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed Linux app (electron-builder --linux dir, stub Electron)', () => {
  it('holds the renderer, main and preload bundles and package.json, but not the browser host or source maps', () => {
    for (const file of ['/package.json', '/dist/renderer/index.html', '/dist-electron/main.cjs', '/dist-electron/preload.cjs']) expect(asarFiles).toContain(file);
    expect(asarFiles.some((f) => f.startsWith('/dist/renderer/assets/') && f.endsWith('.js'))).toBe(true);
    expect(asarFiles.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(asarFiles).not.toContain('/dist-electron/web.cjs');
    expect(asarFiles.filter((f) => /^\/(electron|renderer|shared|test|build)\//.test(f))).toEqual([]);
  });

  it('carries only the native modules and what they load, none of the libraries Vite bundled', () => {
    // What main.cjs still requires at run time (everything else is inside the bundle).
    const bundle = readFileSync(join(ROOT, 'dist-electron/main.cjs'), 'utf8');
    const names = [
      ...[...bundle.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!),
      // Loaded lazily: `createRequire(file)("libsql")`, `createRequire(file).resolve("@napi-rs/keyring")`.
      ...[...bundle.matchAll(/createRequire\)\([^)]*\)\)(?:\.resolve)?\("([^"]+)"\)/g)].map((m) => m[1]!),
    ];
    const external = [...new Set(names)].filter((name) => !name.startsWith('node:') && !name.startsWith('.') && !builtinModules.includes(name));
    // ajv's names appear only inside code it generates as text for standalone validators; never run.
    expect(external.filter((name) => !name.startsWith('ajv')).sort()).toEqual(['@napi-rs/keyring', 'electron', 'libsql']);
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['@napi-rs/keyring', 'libsql']);
    expect(packagesIn(asarFiles)).toEqual(['@libsql/linux-x64-gnu', '@napi-rs/keyring', '@napi-rs/keyring-linux-x64-gnu', '@neon-rs/load', 'detect-libc', 'libsql']);
    for (const bundled of ['react', 'zod', 'openai', 'undici', 'electron-store', 'conf', 'electron-updater', 'katex', 'ws']) {
      expect(asarFiles.some((f) => f.startsWith(`/node_modules/${bundled}/`)), bundled).toBe(false);
    }
  });

  it('unpacks the x64 .node files of libsql and the keychain module, and no musl builds', () => {
    const unpacked = join(appDir, 'resources', 'app.asar.unpacked', 'node_modules');
    expect(existsSync(join(unpacked, '@libsql/linux-x64-gnu/index.node'))).toBe(true);
    expect(existsSync(join(unpacked, '@napi-rs/keyring-linux-x64-gnu/keyring.linux-x64-gnu.node'))).toBe(true);
    expect(existsSync(join(unpacked, '@libsql/linux-x64-musl'))).toBe(false);
  });

  it('flips the fuses: no RunAsNode, NODE_OPTIONS or --inspect; cookie encryption, asar integrity and asar-only on', async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'ferry'));
    const on = 49;
    const off = 48;
    expect(wire).toMatchObject({ version: '1', 0: off, 1: on, 2: off, 3: off, 4: on, 5: on, 6: off, 7: off });
  });

  it('writes the update feed config and the app metadata', () => {
    expect(readFileSync(join(appDir, 'resources', 'app-update.yml'), 'utf8')).toMatch(/provider: github/);
    const packedPkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(asarFiles).toContain(`/${packedPkg.main}`);
  });

  it('refuses to build for a CPU whose native modules are not installed', () => {
    const run = electronBuilder(join(work, 'out-arm64'), '--arm64');
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toContain('The linux-arm64 app lacks native files it needs at run time: node_modules/@libsql/linux-arm64-gnu/index.node');
  }, 200_000);
});
