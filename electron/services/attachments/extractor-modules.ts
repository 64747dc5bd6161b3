import { dirname, join } from 'node:path';

/** Where the document thread loads its libraries from (its `workerData`). */
export interface ExtractorModules {
  pdfjsPath: string;
  /** pdf.js reads these directories itself, by path: they end in a separator. */
  cMapDir: string;
  fontDir: string;
  /** A DOMMatrix for pdf.js, which Node lacks (see extract-worker-source.ts). */
  domMatrixPath: string;
  mammothPath: string;
  tokenizerPath: string;
}

/**
 * The real file behind a path inside the installed app's archive: `…/resources/app.asar/x` becomes
 * `…/resources/app.asar.unpacked/x`, where electron-builder puts what `asarUnpack` names. Other
 * paths (the source tree, tests) come back unchanged.
 */
export function unpackedPath(path: string): string {
  return path.replace(/([\\/])app\.asar(?=[\\/]|$)/, '$1app.asar.unpacked');
}

/**
 * The libraries' files, found with `resolve` (a `require.resolve` rooted at the app's code).
 *
 * pdf.js is an ES module that the thread `import()`s, and it reads its CMaps and fonts with
 * `fs.readFile` by path. Electron's archive support for ES modules has broken in several releases
 * (electron/electron#38957, #40211, #45896), so the installer unpacks pdfjs-dist
 * (build/electron-builder.yml) and the thread is pointed at the unpacked copy: plain files, read by
 * Node's own loader. mammoth and gpt-tokenizer are CommonJS, which `require` reads from inside the
 * archive in worker threads too (as the keychain thread's module does), so they stay packed, as
 * does the CommonJS DOMMatrix.
 */
export function extractorModules(resolve: (id: string) => string): ExtractorModules {
  const pdfjsRoot = unpackedPath(dirname(resolve('pdfjs-dist/package.json')));
  return {
    pdfjsPath: join(pdfjsRoot, 'legacy', 'build', 'pdf.mjs'),
    cMapDir: join(pdfjsRoot, 'cmaps') + '/',
    fontDir: join(pdfjsRoot, 'standard_fonts') + '/',
    domMatrixPath: resolve('@thednp/dommatrix'),
    mammothPath: resolve('mammoth'),
    tokenizerPath: resolve('gpt-tokenizer'),
  };
}
