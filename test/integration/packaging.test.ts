/**
 * electron-builder for real, `--linux dir`, against a stub Electron distribution (electronDist): the
 * config must load and validate, the asar must hold the bundles and nothing Vite already bundled,
 * the target's native modules must be unpacked, the fuses flipped, and a build for a CPU whose native
 * modules are absent must fail in afterPack. Then the packed node_modules must be complete: the
 * document thread and sharp run from a copy of the packed app, and from nothing else. Needs the
 * bundles (`npx vite build`; npm test builds first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { listPackage, statFile } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import { countTokens } from 'gpt-tokenizer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingNativeFiles, requiredNativeFiles, sharpVersions } from '../../build/scripts/native-modules.mjs';
import { extractorModules } from '../../electron/services/attachments/extractor-modules';
import { Extractor } from '../../electron/services/attachments/extractor';
import { makeStubElectronDist } from '../harness/stub-electron-dist';
import { sampleCidPdf, sampleDocx, sampleImage, samplePdf } from '../support/sample-files';
import { copyPackedResources, nodeModulesAbove, packedMain, runPackedSharp, without } from './support/packed-app';

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

/** The package a module specifier names: `pdfjs-dist/package.json` → `pdfjs-dist`. */
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/**
 * The names of the packages the app's `dependencies` pull in, each found as Node finds it (a nested
 * copy first); an optional package for another OS is not installed and not counted.
 */
function installedClosure(names: string[]): string[] {
  const seen = new Set<string>();
  const found = new Set<string>();
  const visit = (name: string, from: string) => {
    let dir = from;
    while (!existsSync(join(dir, 'node_modules', name, 'package.json')) && dir !== ROOT) dir = dirname(dir);
    const pkgDir = join(dir, 'node_modules', name);
    if (seen.has(pkgDir) || !existsSync(join(pkgDir, 'package.json'))) return;
    seen.add(pkgDir);
    found.add(name);
    const meta = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { dependencies?: object; optionalDependencies?: object };
    for (const dep of Object.keys({ ...meta.dependencies, ...meta.optionalDependencies })) visit(dep, pkgDir);
  };
  for (const name of names) visit(name, ROOT);
  return [...found].sort();
}

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

  it('carries only what main.cjs loads at run time and what that depends on, none of the libraries Vite bundled', () => {
    // What main.cjs still requires at run time (everything else is inside the bundle).
    const bundle = readFileSync(join(ROOT, 'dist-electron/main.cjs'), 'utf8');
    const names = [
      ...[...bundle.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!),
      // Loaded lazily: `createRequire(file)("libsql")`, `createRequire(file).resolve("@napi-rs/keyring")`.
      ...[...bundle.matchAll(/createRequire\)\([^)]*\)\)(?:\.resolve)?\("([^"]+)"\)/g)].map((m) => m[1]!),
      // The document thread's libraries, found by extractorModules' `resolve("…")`.
      ...[...bundle.matchAll(/(?<![\w.$])resolve\("([^"]+)"\)/g)].map((m) => m[1]!),
    ];
    const external = [...new Set(names.map(packageOf))].filter((name) => !name.startsWith('node:') && !name.startsWith('.') && !builtinModules.includes(name));
    // ajv's names appear only inside code it generates as text for standalone validators; never run.
    const loaded = external.filter((name) => !name.startsWith('ajv')).sort();
    expect(loaded).toEqual(['@napi-rs/keyring', '@thednp/dommatrix', 'electron', 'gpt-tokenizer', 'libsql', 'mammoth', 'pdfjs-dist', 'sharp']);
    // `dependencies` are exactly those (electron-builder packs them): a library Vite bundles belongs in devDependencies.
    expect(Object.keys(pkg.dependencies).sort()).toEqual(loaded.filter((name) => name !== 'electron'));
    // What they depend on comes along, less what build/electron-builder.yml leaves out: musl builds,
    // and pdf.js's optional canvas (rendering) and stream adapter (loading from URLs).
    const leftOut = (name: string) => /musl/.test(name) || /^@napi-rs\/canvas/.test(name) || name === 'node-readable-to-web-readable-stream';
    const closure = installedClosure(Object.keys(pkg.dependencies));
    expect(closure.filter(leftOut).sort()).toEqual(['@img/sharp-libvips-linuxmusl-x64', '@img/sharp-linuxmusl-x64', '@libsql/linux-x64-musl', '@napi-rs/canvas', '@napi-rs/canvas-linux-x64-gnu', 'node-readable-to-web-readable-stream'].filter((name) => closure.includes(name)));
    expect(packagesIn(asarFiles)).toEqual(closure.filter((name) => !leftOut(name)));
    for (const bundled of ['react', 'zod', 'openai', 'undici', 'electron-store', 'conf', 'electron-updater', 'katex', 'ws', 'docx', 'pdfkit']) {
      expect(asarFiles.some((f) => f.startsWith(`/node_modules/${bundled}/`)), bundled).toBe(false);
    }
    // Of pdf.js, only its Node build (pdf.mjs runs pdf.worker.mjs in the same thread), CMaps and standard fonts.
    const pdfjs = asarFiles.filter((f) => f.startsWith('/node_modules/pdfjs-dist/') && !/\/(cmaps|standard_fonts)\/./.test(f));
    expect(pdfjs.filter((f) => /\.m?js$/.test(f)).sort()).toEqual(['/node_modules/pdfjs-dist/legacy/build/pdf.mjs', '/node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs']);
    // gpt-tokenizer's CommonJS build with the ranks of o200k_base, the encoding `countTokens` uses.
    expect(asarFiles.filter((f) => f.startsWith('/node_modules/gpt-tokenizer/cjs/bpeRanks/'))).toEqual(['/node_modules/gpt-tokenizer/cjs/bpeRanks/o200k_base.js']);
    expect(asarFiles.filter((f) => /^\/node_modules\/gpt-tokenizer\/(esm|src|data)\//.test(f))).toEqual([]);
  });

  it('unpacks the x64 native files of libsql, the keychain module and sharp, no musl builds, and no native file stays in the archive', () => {
    const unpackedDir = join(appDir, 'resources', 'app.asar.unpacked');
    const sharp = sharpVersions(join(ROOT, 'node_modules'))!;
    for (const file of requiredNativeFiles('linux', 'x64', sharp)) expect(existsSync(join(unpackedDir, file)), file).toBe(true);
    expect(missingNativeFiles({ platform: 'linux', arch: 'x64', unpackedDir, exeDir: appDir })).toEqual([]);
    expect(existsSync(join(unpackedDir, 'node_modules/@libsql/linux-x64-musl'))).toBe(false);
    expect(readdirSync(join(unpackedDir, 'node_modules/@img')).filter((name) => name.includes('musl'))).toEqual([]);
    // The OS loader reads real files only; libvips must also sit beside sharp's .node, where its rpath looks.
    const native = asarFiles.filter((f) => /\.(node|dll|dylib)$|\.so(\.\d+)*$/.test(f));
    expect(native.length).toBeGreaterThanOrEqual(4);
    for (const file of native) expect((statFile(join(appDir, 'resources', 'app.asar'), file.slice(1)) as { unpacked?: boolean }).unpacked, file).toBe(true);
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

describe('the packed node_modules are complete: documents and images work from a copy of the packed app alone', () => {
  let copy: string;
  let from: string;
  /** A document thread rooted in the copy, as main.cjs roots it in app.asar; closed after `fn`. */
  const withExtractor = async <T>(fn: (extractor: Extractor) => Promise<T>): Promise<T> => {
    const extractor = new Extractor(30_000, from);
    try {
      return await fn(extractor);
    } finally {
      extractor.close();
    }
  };
  const cidPdf = sampleCidPdf(['季度报告：收入增长了百分之十二。', '数据库迁移在三月完成。'], 'Ferry (v1) shipped.');
  const unpackedPdfjs = () => join(copy, 'app.asar.unpacked', 'node_modules', 'pdfjs-dist');
  const packedModule = (name: string) => join(copy, 'app.asar', 'node_modules', name);

  beforeAll(() => {
    copy = copyPackedResources(join(appDir, 'resources'), join(work, 'copy'));
    from = packedMain(copy);
    // Nothing to fall back to: a file the copy lacks must fail to load, not come from elsewhere.
    expect(nodeModulesAbove(copy)).toEqual([]);
    expect(process.env.NODE_PATH, 'NODE_PATH would add module folders outside the copy').toBeUndefined();
  });

  it('the document thread loads pdf.js from the unpacked copy and its CommonJS libraries from the archive', () => {
    const modules = extractorModules(createRequire(from).resolve);
    for (const path of [modules.pdfjsPath, modules.cMapDir, modules.fontDir]) expect(path.startsWith(join(copy, 'app.asar.unpacked') + sep), path).toBe(true);
    for (const path of [modules.mammothPath, modules.tokenizerPath, modules.domMatrixPath]) expect(path.startsWith(join(copy, 'app.asar') + sep), path).toBe(true);
  });

  it('reads Chinese PDFs (an embedded font, and a predefined CMap with no font at all), a Word file, and counts tokens', async () => {
    const pages = ['第一页：收入增长了百分之十二。', '第二页：数据库迁移在三月完成。', 'Page three: the end.'];
    await withExtractor(async (extractor) => {
      const embedded = await extractor.pdf(await samplePdf(pages), 100_000);
      expect(embedded).toMatchObject({ totalPages: 3, cut: false });
      expect(embedded.pages.map((p) => p.trim())).toEqual(pages);
      const cid = await extractor.pdf(cidPdf, 100_000);
      expect(cid.pages[0]!.split('\n').map((line) => line.trim())).toEqual(['季度报告：收入增长了百分之十二。', '数据库迁移在三月完成。', 'Ferry (v1) shipped.']);
      expect((await extractor.docx(await sampleDocx(['会议纪要', 'Ship the attachments feature.']))).text).toBe('会议纪要\n\nShip the attachments feature.\n\n');
      const text = '附件功能：图片、PDF 和 Word 文件。';
      expect(await extractor.tokens(text)).toBe(countTokens(text));
    });
  });

  it('fails when a file the thread needs is missing from the copy: CMaps, the DOMMatrix, mammoth\'s zip reader, pdf.js\'s worker half', async () => {
    // Without the unpacked CMaps the Chinese of the CMap-encoded PDF is silently lost (the archive's copy is not read).
    const noCMaps = await without(join(unpackedPdfjs(), 'cmaps'), () => withExtractor((x) => x.pdf(cidPdf, 100_000)));
    expect(noCMaps.pages[0]!.trim()).toBe('Ferry (v1) shipped.');
    await without(packedModule('@thednp/dommatrix'), () => expect(withExtractor((x) => x.pdf(cidPdf, 100_000))).rejects.toThrow(/dommatrix/i));
    await without(join(unpackedPdfjs(), 'legacy', 'build', 'pdf.worker.mjs'), () => expect(withExtractor((x) => x.pdf(cidPdf, 100_000))).rejects.toThrow(/pdf\.worker\.mjs/));
    const docx = await sampleDocx(['会议纪要']);
    await without(packedModule('jszip'), () => expect(withExtractor((x) => x.docx(docx))).rejects.toThrow(/jszip/));
  });

  it('sharp resizes and re-encodes with the copy\'s JavaScript and its unpacked native code, and fails without libvips', async () => {
    const png = join(work, 'screenshot.png');
    writeFileSync(png, await sampleImage('png', 3000, 1500));
    const run = runPackedSharp(copy, png);
    expect(run.error).toBe('');
    expect(run.result).toMatchObject({
      input: { width: 3000, height: 1500 },
      png: { format: 'png', width: 2048, height: 1024 },
      jpeg: { format: 'jpeg', width: 2048, height: 1024 },
      thumb: { format: 'webp', width: 256, height: 128 },
    });
    // Every module it loaded came from the copy.
    expect(run.result!.loaded.filter((file) => !file.startsWith(copy + sep))).toEqual([]);
    expect(run.result!.loaded).toContain(join(copy, 'app.asar', 'node_modules', 'sharp', 'dist', 'index.cjs'));
    expect(run.result!.dlopened).toEqual([join(copy, 'app.asar.unpacked', 'node_modules', '@img', 'sharp-linux-x64', 'lib', `sharp-linux-x64-${sharpVersions(join(ROOT, 'node_modules'))!.version}.node`)]);

    const failed = await without(join(copy, 'app.asar.unpacked', 'node_modules', '@img', 'sharp-libvips-linux-x64'), async () => runPackedSharp(copy, png));
    expect(failed.ok).toBe(false);
    expect(failed.error).toMatch(/libvips-cpp/);
  });
});
