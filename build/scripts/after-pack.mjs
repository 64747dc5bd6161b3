// electron-builder afterPack hook: fails the build when the packed app lacks its target's native
// files (see native-modules.mjs). Runs before fuses are flipped and before signing.
import { join } from 'node:path';
import { missingNativeFiles } from './native-modules.mjs';

// electron-builder's Arch enum: ia32 0, x64 1, armv7l 2, arm64 3, universal 4.
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** @param {{ appOutDir: string, electronPlatformName: string, arch: number, packager: { appInfo: { productFilename: string } } }} context */
export default async function afterPack(context) {
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const arch = ARCH_NAMES[context.arch];
  if (arch !== 'x64' && arch !== 'arm64') throw new Error(`Ferry builds x64 and arm64 only, not ${arch}`);
  const resources =
    platform === 'darwin' ? join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`, 'Contents', 'Resources') : join(context.appOutDir, 'resources');
  const missing = missingNativeFiles({ platform, arch, unpackedDir: join(resources, 'app.asar.unpacked'), exeDir: context.appOutDir });
  if (missing.length > 0) {
    throw new Error(
      `The ${platform}-${arch} app lacks native files it needs at run time: ${missing.join(', ')}. ` +
        'Build each OS and CPU on a machine of that kind after `npm ci` there (npm installs only the host platform\'s packages); ' +
        'on Windows, put vcruntime140.dll into build/win/ first (the release workflow copies it from the Visual C++ redistributable).',
    );
  }
}
