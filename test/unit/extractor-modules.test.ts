import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractorModules, unpackedPath } from '../../electron/services/attachments/extractor-modules';

describe('where the document thread loads its libraries from', () => {
  it('maps a path inside the installed archive to its unpacked copy, on every OS', () => {
    expect(unpackedPath('/opt/Ferry/resources/app.asar/node_modules/pdfjs-dist')).toBe('/opt/Ferry/resources/app.asar.unpacked/node_modules/pdfjs-dist');
    expect(unpackedPath('C:\\Users\\li\\AppData\\Local\\Programs\\Ferry\\resources\\app.asar\\node_modules\\pdfjs-dist')).toBe(
      'C:\\Users\\li\\AppData\\Local\\Programs\\Ferry\\resources\\app.asar.unpacked\\node_modules\\pdfjs-dist',
    );
    expect(unpackedPath('/Applications/Ferry.app/Contents/Resources/app.asar')).toBe('/Applications/Ferry.app/Contents/Resources/app.asar.unpacked');
  });

  it('leaves the source tree, an already unpacked path and look-alike names alone', () => {
    for (const path of [
      '/work/ferry/node_modules/pdfjs-dist',
      '/opt/Ferry/resources/app.asar.unpacked/node_modules/pdfjs-dist',
      '/home/li/my-app.asar/node_modules/pdfjs-dist',
      '/home/li/app.asarx/node_modules/pdfjs-dist',
    ]) {
      expect(unpackedPath(path)).toBe(path);
    }
  });

  it('points pdf.js, its CMaps and fonts at the unpacked copy, and the CommonJS libraries into the archive', () => {
    const resources = '/opt/Ferry/resources';
    const resolve = (id: string) => `${resources}/app.asar/node_modules/${id === 'pdfjs-dist/package.json' ? id : `${id}/index.js`}`;
    expect(extractorModules(resolve)).toEqual({
      pdfjsPath: join(resources, 'app.asar.unpacked/node_modules/pdfjs-dist/legacy/build/pdf.mjs'),
      cMapDir: join(resources, 'app.asar.unpacked/node_modules/pdfjs-dist/cmaps') + '/',
      fontDir: join(resources, 'app.asar.unpacked/node_modules/pdfjs-dist/standard_fonts') + '/',
      domMatrixPath: `${resources}/app.asar/node_modules/@thednp/dommatrix/index.js`,
      mammothPath: `${resources}/app.asar/node_modules/mammoth/index.js`,
      tokenizerPath: `${resources}/app.asar/node_modules/gpt-tokenizer/index.js`,
    });
  });

  it('finds the real files in the source tree', () => {
    const modules = extractorModules(createRequire(import.meta.url).resolve);
    const require = createRequire(import.meta.url);
    expect(modules.pdfjsPath).toBe(require.resolve('pdfjs-dist/legacy/build/pdf.mjs'));
    expect(modules.mammothPath).toBe(require.resolve('mammoth'));
  });
});
