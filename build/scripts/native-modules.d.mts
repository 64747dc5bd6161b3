export type TargetPlatform = 'linux' | 'darwin' | 'win32';
export type TargetArch = 'x64' | 'arm64';
export interface SharpVersions {
  version: string;
  libvips: string;
}
export function sharpVersions(nodeModules: string): SharpVersions | null;
export function sharpNativeFiles(platform: TargetPlatform, arch: TargetArch, sharp: SharpVersions): string[];
export function requiredNativeFiles(platform: TargetPlatform, arch: TargetArch, sharp: SharpVersions): string[];
export const WINDOWS_APP_LOCAL_DLLS: string[];
export function missingNativeFiles(target: { platform: TargetPlatform; arch: TargetArch; unpackedDir: string; exeDir: string }): string[];
