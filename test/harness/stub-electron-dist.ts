import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @electron/fuses finds the fuse wire after this marker in the Electron binary. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/**
 * Electron's defaults as shipped: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on,
 * asar integrity off, only-load-from-asar off, browser V8 snapshot off, file: extra privileges on.
 * '1' is enabled, '0' disabled.
 */
export const ELECTRON_DEFAULT_FUSES = '10110001';

/**
 * A directory shaped like Electron's Linux distribution (what `electronDist` may point at), so
 * electron-builder can pack the app here without the real binary: the `electron` executable (a stub
 * that carries a version-1 fuse wire, so fuse flipping runs for real), `version`, `resources/`, the
 * licence files and the usual companions.
 */
export function makeStubElectronDist(dir: string, version: string): string {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]), Buffer.from(ELECTRON_DEFAULT_FUSES)]);
  const binary = Buffer.concat([Buffer.from('#!/bin/sh\necho "stub electron: cannot run"\nexit 1\n'), wire, Buffer.from('\n')]);
  writeFileSync(join(dir, 'electron'), binary);
  chmodSync(join(dir, 'electron'), 0o755);
  for (const helper of ['chrome-sandbox', 'chrome_crashpad_handler']) {
    writeFileSync(join(dir, helper), '#!/bin/sh\nexit 1\n');
    chmodSync(join(dir, helper), 0o755);
  }
  writeFileSync(join(dir, 'version'), version);
  writeFileSync(join(dir, 'LICENSE'), 'stub\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<p>stub</p>\n');
  for (const file of ['icudtl.dat', 'resources.pak', 'chrome_100_percent.pak', 'v8_context_snapshot.bin', 'libffmpeg.so', 'locales/en-US.pak']) writeFileSync(join(dir, file), 'stub');
  return dir;
}
