import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import electron from 'vite-plugin-electron';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * One config builds everything: the renderer (a static web app in dist/renderer), and with
 * vite-plugin-electron the Electron main + preload and the browser host (CommonJS, dist-electron).
 * Native N-API modules stay external: they load from node_modules at run time. The document
 * thread's libraries (pdfjs-dist, mammoth, gpt-tokenizer, @thednp/dommatrix) are never imported,
 * only resolved to paths for the thread (electron/services/attachments/extractor-modules.ts), so
 * nothing bundles them either. Both kinds are package.json `dependencies`, which the installer
 * ships (test/integration/packaging.test.ts checks the two lists match).
 */
const root = import.meta.dirname;
const external = [
  'electron',
  'libsql',
  '@napi-rs/keyring',
  // N-API, like libsql: each OS's installer needs its own @img/sharp-<platform> package.
  'sharp',
  'ws',
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
];

const nodeBundle = (entry: string, name: string): UserConfig => ({
  build: {
    outDir: resolve(root, 'dist-electron'),
    emptyOutDir: false,
    minify: false,
    sourcemap: true,
    lib: { entry: resolve(root, entry), formats: ['cjs'], fileName: () => `${name}.cjs` },
    rollupOptions: { external, output: { inlineDynamicImports: true } },
  },
});

/**
 * Workers have no `document`: packages with a DOM build for browsers get their plain build there
 * (decode-named-character-reference decodes entities through a DOM element, created at import).
 */
const workerBuilds = (): Plugin => ({
  name: 'ferry-worker-builds',
  enforce: 'pre',
  resolveId(id) {
    if (id === 'decode-named-character-reference') return resolve(root, 'node_modules/decode-named-character-reference/index.js');
    return null;
  },
});

export default defineConfig(({ command }) => ({
  root: resolve(root, 'renderer'),
  base: './',
  plugins: [
    react(),
    // Under Vitest the Electron entries are not needed (and must not try to launch anything).
    ...(process.env.VITEST
      ? []
      : electron([
          { entry: 'electron/main/index.ts', vite: nodeBundle('electron/main/index.ts', 'main'), onstart: command === 'serve' ? undefined : () => {} },
          { entry: 'electron/preload/index.ts', vite: nodeBundle('electron/preload/index.ts', 'preload') , onstart: (args) => args.reload() },
          { entry: 'electron/web/cli.ts', vite: nodeBundle('electron/web/cli.ts', 'web'), onstart: () => {} },
        ])),
  ],
  worker: {
    format: 'es',
    plugins: () => [workerBuilds()],
  },
  build: {
    outDir: resolve(root, 'dist/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
  },
  test: {
    root,
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'renderer/src/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
}));
